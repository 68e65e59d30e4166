package nl.tijdig.invoice.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import nl.tijdig.events.Allocation;
import nl.tijdig.events.BoundedContext;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.events.PaymentReversed;
import nl.tijdig.eventstore.inbox.EventHandler;
import nl.tijdig.invoice.store.InvoicePayments;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.runtime.backbone.EventSubscription;

/**
 * Follows the payment-service: what each payment allocated to an invoice counts as paid on it, and a
 * reversal takes it off again. Runs through the inbox, so a redelivered payment counts once.
 */
@ApplicationScoped
public class PaymentsSubscription implements EventSubscription {

    public static final String NAME = "invoice-service.payments";

    @Inject
    InvoicePayments payments;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(BoundedContext.PAYMENT.topic());
    }

    @Override
    public EventHandler handler() {
        return (tx, event) -> switch (event.data()) {
            case PaymentReceived received -> apply(received.tenantId(), received.allocations(),
                    (tenant, allocation) -> payments.add(tx, tenant, allocation.invoiceId(), allocation.amount(),
                            allocation.writtenOff()));
            case PaymentReversed reversed -> apply(reversed.tenantId(), reversed.allocationsReversed(),
                    (tenant, allocation) -> payments.add(tx, tenant, allocation.invoiceId(), allocation.amount().negate(),
                            allocation.writtenOff() == null ? null : allocation.writtenOff().negate()));
            default -> Uni.createFrom().voidItem();
        };
    }

    private static Uni<Void> apply(TenantId tenant, List<Allocation> allocations,
            java.util.function.BiFunction<TenantId, Allocation, Uni<Void>> effect) {
        return Multi.createFrom().iterable(allocations)
                .onItem().transformToUniAndConcatenate(allocation -> effect.apply(tenant, allocation))
                .collect().last().replaceWithVoid();
    }
}
