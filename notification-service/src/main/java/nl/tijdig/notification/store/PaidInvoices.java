package nl.tijdig.notification.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import nl.tijdig.events.Allocation;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.events.PaymentReversed;

/**
 * Which invoices are paid, from the payment-service's events: an allocation that leaves nothing open marks
 * its invoice paid, one that leaves something open (or a reversal) marks it open again. The sender's last
 * check before a reminder goes out.
 */
@ApplicationScoped
public class PaidInvoices {

    public Uni<Void> received(SqlConnection tx, PaymentReceived payment) {
        List<Tuple> paid = new ArrayList<>();
        List<Tuple> open = new ArrayList<>();
        for (Allocation allocation : payment.allocations()) {
            if (allocation.openPrincipalAfter() != null && !allocation.openPrincipalAfter().isPositive()) {
                paid.add(Tuple.of(payment.tenantId().value(), allocation.invoiceId().value(), payment.paymentId().value(),
                        Communications.at(payment.occurredAt())));
            } else {
                open.add(Tuple.of(payment.tenantId().value(), allocation.invoiceId().value()));
            }
        }
        Uni<Void> marked = paid.isEmpty() ? Uni.createFrom().voidItem()
                : tx.preparedQuery("INSERT INTO paid_invoices (tenant_id, invoice_id, payment_id, paid_at) VALUES ($1, $2, $3, $4) "
                        + "ON CONFLICT (tenant_id, invoice_id) DO UPDATE SET payment_id = EXCLUDED.payment_id, paid_at = EXCLUDED.paid_at")
                        .executeBatch(paid).replaceWithVoid();
        return marked.chain(() -> reopen(tx, open));
    }

    public Uni<Void> reversed(SqlConnection tx, PaymentReversed reversal) {
        List<Tuple> open = reversal.allocationsReversed().stream()
                .map(a -> Tuple.of(reversal.tenantId().value(), a.invoiceId().value())).toList();
        return reopen(tx, open);
    }

    private Uni<Void> reopen(SqlConnection tx, List<Tuple> invoices) {
        return invoices.isEmpty() ? Uni.createFrom().voidItem()
                : tx.preparedQuery("DELETE FROM paid_invoices WHERE tenant_id = $1 AND invoice_id = $2").executeBatch(invoices)
                        .replaceWithVoid();
    }
}
