package nl.tijdig.dunning.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.kernel.TenantId;

/** Whether a debtor's dunning is paused, and why (table {@code dunning_debtors}). */
@ApplicationScoped
public class DebtorPauses {

    /** Paused or not, and the reason's name (null when not paused). */
    public record Pause(boolean paused, String reason) {
    }

    /** The debtor's pause; empty for a debtor without cases or contact here. */
    public Uni<Optional<Pause>> get(SqlClient client, TenantId tenant, UUID debtor) {
        return client.preparedQuery("SELECT paused, pause_reason FROM dunning_debtors WHERE tenant_id = $1 AND debtor_id = $2")
                .execute(Tuple.of(tenant.value(), debtor)).map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    var row = rows.iterator().next();
                    return Optional.of(new Pause(row.getBoolean("paused"), row.getString("pause_reason")));
                });
    }

    /** Sets the pause; false for a debtor without cases or contact here. */
    public Uni<Boolean> set(SqlClient client, TenantId tenant, UUID debtor, Pause pause) {
        return client.preparedQuery("UPDATE dunning_debtors SET paused = $3, pause_reason = $4 WHERE tenant_id = $1 "
                        + "AND debtor_id = $2 RETURNING paused")
                .execute(Tuple.of(tenant.value(), debtor, pause.paused(), pause.reason())).map(rows -> rows.size() > 0);
    }
}
