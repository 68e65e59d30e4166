package nl.tijdig.invoice.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * How much has been paid on each invoice, from the payment-service's events. {@code paid} is what
 * payments settled: the amounts allocated plus any residual written off under the payment tolerance
 * (also kept apart as {@code written_off}).
 */
@ApplicationScoped
public class InvoicePayments {

    /** Adds (or, negative, takes off) an amount paid on an invoice and a residual written off with it. */
    public Uni<Void> add(SqlConnection tx, TenantId tenant, InvoiceId invoice, Money amount, Money writtenOff) {
        Money off = writtenOff == null ? Money.zero(amount.currency()) : writtenOff;
        return tx.preparedQuery("INSERT INTO invoice_payments (tenant_id, invoice_id, currency, paid, written_off) "
                        + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, invoice_id) DO UPDATE SET "
                        + "paid = invoice_payments.paid + EXCLUDED.paid, "
                        + "written_off = invoice_payments.written_off + EXCLUDED.written_off")
                .execute(Tuple.of(tenant.value(), invoice.value(), amount.currency().getCurrencyCode(),
                        amount.plus(off).amount(), off.amount()))
                .replaceWithVoid();
    }

    /** What has been paid on the invoice (zero when nothing). */
    public Uni<Money> paid(SqlClient client, TenantId tenant, InvoiceId invoice, java.util.Currency currency) {
        return client.preparedQuery("SELECT paid FROM invoice_payments WHERE tenant_id = $1 AND invoice_id = $2")
                .execute(Tuple.of(tenant.value(), invoice.value()))
                .map(rows -> rows.iterator().hasNext()
                        ? Money.of(rows.iterator().next().getBigDecimal(0), currency)
                        : Money.zero(currency));
    }
}
