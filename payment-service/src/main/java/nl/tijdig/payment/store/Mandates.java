package nl.tijdig.payment.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.payment.domain.Mandate;

/** The debtors' direct-debit mandates: one per debtor (a new one replaces it), the reference unique per tenant. */
@ApplicationScoped
public class Mandates {

    public Uni<Optional<Mandate>> load(SqlClient client, TenantId tenant, DebtorId debtor) {
        return client.preparedQuery("SELECT * FROM mandates WHERE tenant_id = $1 AND debtor_id = $2")
                .execute(Tuple.of(tenant.value(), debtor.value()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(mandate(rows.iterator().next())));
    }

    /** Whether another debtor of the tenant holds this mandate reference. */
    public Uni<Boolean> referenceTaken(SqlClient client, TenantId tenant, DebtorId debtor, String mandateId) {
        return client.preparedQuery("SELECT 1 FROM mandates WHERE tenant_id = $1 AND mandate_id = $2 AND debtor_id <> $3")
                .execute(Tuple.of(tenant.value(), mandateId, debtor.value())).map(rows -> rows.size() > 0);
    }

    /** Saves the debtor's mandate; the same reference keeps whether it was collected under, a new one starts afresh. */
    public Uni<Mandate> save(SqlConnection tx, TenantId tenant, DebtorId debtor, Mandate mandate) {
        return tx.preparedQuery("INSERT INTO mandates (tenant_id, debtor_id, mandate_id, scheme, type, iban, bic, signed_on) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tenant_id, debtor_id) DO UPDATE SET "
                        + "collected = CASE WHEN mandates.mandate_id = EXCLUDED.mandate_id THEN mandates.collected ELSE false END, "
                        + "mandate_id = EXCLUDED.mandate_id, scheme = EXCLUDED.scheme, type = EXCLUDED.type, "
                        + "iban = EXCLUDED.iban, bic = EXCLUDED.bic, signed_on = EXCLUDED.signed_on RETURNING *")
                .execute(Tuple.tuple(Arrays.asList(tenant.value(), debtor.value(), mandate.mandateId(),
                        mandate.scheme().name(), mandate.type().name(), mandate.iban(), mandate.bic(), mandate.signedOn())))
                .map(rows -> mandate(rows.iterator().next()));
    }

    /** Revokes the debtor's mandate: no later run collects under it. */
    public Uni<Boolean> revoke(SqlConnection tx, TenantId tenant, DebtorId debtor) {
        return tx.preparedQuery("DELETE FROM mandates WHERE tenant_id = $1 AND debtor_id = $2")
                .execute(Tuple.of(tenant.value(), debtor.value())).map(rows -> rows.rowCount() > 0);
    }

    /** Marks mandates as collected under (the next collection of a recurring one is RCUR; a one-off one is used). */
    public Uni<Void> collected(SqlConnection tx, TenantId tenant, String[] mandateIds) {
        return tx.preparedQuery("UPDATE mandates SET collected = true WHERE tenant_id = $1 AND mandate_id = ANY($2)")
                .execute(Tuple.of(tenant.value(), mandateIds)).replaceWithVoid();
    }

    static Mandate mandate(Row row) {
        return new Mandate(row.getString("mandate_id"), Mandate.Scheme.valueOf(row.getString("scheme")),
                Mandate.Type.valueOf(row.getString("type")), row.getString("iban"), row.getString("bic"),
                row.getLocalDate("signed_on"), row.getBoolean("collected"));
    }
}
