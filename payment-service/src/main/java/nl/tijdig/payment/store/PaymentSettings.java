package nl.tijdig.payment.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/** Per tenant: the payment tolerance (a residual at or below it closes an invoice); € 0.50 unless set. */
@ApplicationScoped
public class PaymentSettings {

    public static final Money DEFAULT_TOLERANCE = Money.eur("0.50");

    public Uni<Money> tolerance(SqlClient client, TenantId tenant) {
        return client.preparedQuery("SELECT currency, tolerance FROM payment_settings WHERE tenant_id = $1")
                .execute(Tuple.of(tenant.value()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return DEFAULT_TOLERANCE;
                    }
                    var row = rows.iterator().next();
                    return Money.of(row.getBigDecimal("tolerance"), Money.currency(row.getString("currency")));
                });
    }

    public Uni<Void> save(SqlConnection tx, TenantId tenant, Money tolerance) {
        return tx.preparedQuery("INSERT INTO payment_settings (tenant_id, currency, tolerance) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (tenant_id) DO UPDATE SET currency = EXCLUDED.currency, tolerance = EXCLUDED.tolerance")
                .execute(Tuple.of(tenant.value(), tolerance.currency().getCurrencyCode(), tolerance.amount()))
                .replaceWithVoid();
    }
}
