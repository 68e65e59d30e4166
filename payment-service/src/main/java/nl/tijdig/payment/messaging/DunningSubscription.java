package nl.tijdig.payment.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import nl.tijdig.events.BoundedContext;
import nl.tijdig.events.EscalatedToCollection;
import nl.tijdig.events.InvoiceSummary;
import nl.tijdig.eventstore.inbox.EventHandler;
import nl.tijdig.payment.paylink.PayLinks;
import nl.tijdig.runtime.backbone.EventSubscription;

/**
 * Follows the dunning-service: a claim that went to a collection agency closes the pay links of its
 * invoices (the agency collects now). Built against the dunning-service's contract example.
 */
@ApplicationScoped
public class DunningSubscription implements EventSubscription {

    public static final String NAME = "payment-service.dunning";

    @Inject
    PayLinks payLinks;

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
            case EscalatedToCollection escalated -> payLinks.escalated(tx, escalated.tenantId(),
                    escalated.invoices().stream().map(InvoiceSummary::invoiceId).toList());
            default -> Uni.createFrom().voidItem();
        };
    }
}
