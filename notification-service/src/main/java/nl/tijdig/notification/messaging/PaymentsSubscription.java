package nl.tijdig.notification.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import nl.tijdig.events.BoundedContext;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.events.PaymentReversed;
import nl.tijdig.eventstore.inbox.EventHandler;
import nl.tijdig.notification.store.PaidInvoices;
import nl.tijdig.runtime.backbone.EventSubscription;

/**
 * Follows the payment-service for the last check before a reminder goes out: which invoices are paid.
 * Built against the payment-service's contract examples.
 */
@ApplicationScoped
public class PaymentsSubscription implements EventSubscription {

    public static final String NAME = "notification-service.payments";

    @Inject
    PaidInvoices paid;

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
            case PaymentReceived payment -> paid.received(tx, payment);
            case PaymentReversed reversal -> paid.reversed(tx, reversal);
            default -> Uni.createFrom().voidItem();
        };
    }
}
