package nl.tijdig.invoice.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import nl.tijdig.kernel.TenantId;

/**
 * Per-tenant counters, moved inside the caller's transaction. The counter's row stays locked until
 * that transaction ends, so concurrent issuers of one series take turns, and a rolled-back issue gives
 * its number back: invoice numbers are gapless and unique per tenant and series.
 */
@ApplicationScoped
public class Counters {

    private static final String NEXT = """
            INSERT INTO invoice_counters (tenant_id, name, last_value) VALUES ($1, $2, 1)
            ON CONFLICT (tenant_id, name) DO UPDATE SET last_value = invoice_counters.last_value + 1
            RETURNING last_value""";

    /** The next value of the tenant's counter {@code name}: 1, 2, 3, ... */
    public Uni<Long> next(SqlConnection tx, TenantId tenant, String name) {
        return tx.preparedQuery(NEXT).execute(Tuple.of(tenant.value(), name))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static final String TAKE = """
            INSERT INTO invoice_counters (tenant_id, name, last_value) VALUES ($1, $2, $3)
            ON CONFLICT (tenant_id, name) DO UPDATE SET last_value = invoice_counters.last_value + $3
            RETURNING last_value""";

    /**
     * The next {@code count} values of the tenant's counter in one step (a batch numbered consecutively): the first
     * of them; the counter is then at the last.
     */
    public Uni<Long> take(SqlConnection tx, TenantId tenant, String name, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("take at least one value, not " + count);
        }
        return tx.preparedQuery(TAKE).execute(Tuple.of(tenant.value(), name, (long) count))
                .map(rows -> rows.iterator().next().getLong(0) - count + 1);
    }

    /** The counter of an invoice number series. */
    public static String invoiceSeries(String series) {
        return "invoice-number:" + series;
    }

    /** The counter behind the tenant's betalingskenmerken. */
    public static final String PAYMENT_REFERENCE = "betalingskenmerk";
}
