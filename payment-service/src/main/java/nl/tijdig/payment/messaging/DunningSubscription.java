package nl.tijdig.payment.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import nl.tijdig.events.BoundedContext;
import nl.tijdig.events.EscalatedToCollection;
import nl.tijdig.events.InvoiceSummary;
import nl.tijdig.events.PaymentLinkClosed;
import nl.tijdig.eventstore.inbox.EventHandler;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.payment.store.PayLinks;
import nl.tijdig.payment.store.OpenItems;
import nl.tijdig.runtime.backbone.EventSubscription;

/**
 * Follows the dunning-service: a claim that went to a collection agency closes the pay links of its
 * invoices and keeps them out of direct-debit runs (the agency collects now). Built against the dunning-service's contract example.
 */
@ApplicationScoped
public class DunningSubscription implements EventSubscription {

    public static final String NAME = "payment-service.dunning";

    @Inject
    PayLinks payLinks;

    @Inject
    OpenItems openItems;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(BoundedContext.DUNNING.topic());
    }

    @Override
    public EventHandler handler() {
        return (tx, event) -> switch (event.data()) {
            case EscalatedToCollection escalated -> {
                List<InvoiceId> invoices = escalated.invoices().stream().map(InvoiceSummary::invoiceId).toList();
                yield payLinks.handedOver(tx, escalated.tenantId(), invoices, PaymentLinkClosed.Reason.ESCALATED)
                        .chain(() -> openItems.handedOver(tx, escalated.tenantId(), invoices, "COLLECTION"));
            }
            default -> Uni.createFrom().voidItem();
        };
    }
}
