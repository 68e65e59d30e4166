package nl.tijdig.collection.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import nl.tijdig.collection.store.Invoices;
import nl.tijdig.events.BoundedContext;
import nl.tijdig.events.InvoiceCancelled;
import nl.tijdig.events.InvoiceCredited;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.events.PaymentReversed;
import nl.tijdig.eventstore.inbox.EventHandler;
import nl.tijdig.runtime.backbone.EventSubscription;

/**
 * Follows the invoice- and payment-service for factoring: which invoices a tenant has and what is open of each.
 * Built against their contract examples.
 */
@ApplicationScoped
public class InvoiceSubscription implements EventSubscription {

    public static final String NAME = "collection-gateway.invoices";

    @Inject
    Invoices invoices;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(BoundedContext.INVOICE.topic(), BoundedContext.PAYMENT.topic());
    }

    @Override
    public EventHandler handler() {
        return (tx, event) -> switch (event.data()) {
            case InvoiceIssued issued -> invoices.issued(tx, issued);
            case InvoiceCredited credited -> invoices.credited(tx, credited);
            case InvoiceCancelled cancelled -> invoices.cancelled(tx, cancelled);
            case PaymentReceived received -> invoices.settled(tx, received.tenantId(), received.allocations(), 1);
            case PaymentReversed reversed -> invoices.settled(tx, reversed.tenantId(), reversed.allocationsReversed(), -1);
            default -> Uni.createFrom().voidItem();
        };
    }
}
