package nl.tijdig.dunning.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.tijdig.dunning.domain.Aging;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/** What the aging report is made of: the open claims (euro) and the principal invoiced in a period. */
@ApplicationScoped
public class AgingStore {

    /** Every claim not closed with something open, in euro: its due date and what is open. */
    public Uni<List<Aging.Claim>> openClaims(SqlClient client, TenantId tenant) {
        return client.preparedQuery("SELECT due_date, open FROM dunning_cases WHERE tenant_id = $1 AND status <> 'CLOSED' "
                        + "AND open > 0 AND currency = 'EUR'")
                .execute(Tuple.of(tenant.value())).map(rows -> {
                    List<Aging.Claim> claims = new ArrayList<>();
                    rows.forEach(r -> claims.add(new Aging.Claim(r.getLocalDate("due_date"), Money.eur(r.getBigDecimal("open")))));
                    return claims;
                });
    }

    /** The principal of the euro invoices issued after {@code from}, up to and including {@code to}. */
    public Uni<Money> invoiced(SqlClient client, TenantId tenant, LocalDate from, LocalDate to) {
        return client.preparedQuery("SELECT coalesce(sum(principal), 0) FROM dunning_cases WHERE tenant_id = $1 "
                        + "AND currency = 'EUR' AND issue_date > $2 AND issue_date <= $3")
                .execute(Tuple.of(tenant.value(), from, to))
                .map(sum -> Money.eur(sum.iterator().next().getBigDecimal(0)));
    }
}
