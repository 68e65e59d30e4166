package nl.tijdig.dunning.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import nl.tijdig.dunning.domain.DunningCase;
import nl.tijdig.dunning.store.CaseStore;
import nl.tijdig.events.BoundedContext;
import nl.tijdig.events.InvoiceAssigned;
import nl.tijdig.eventstore.inbox.EventHandler;
import nl.tijdig.runtime.backbone.EventSubscription;

/**
 * Follows the collection-gateway: an invoice sold to a factor (InvoiceAssigned) is no longer the creditor's to dun —
 * its case closes ASSIGNED (DunningCaseClosed), no reminder goes out after, and no VAT relief is published for it
 * (that belongs to the buyer of the claim). Through the inbox: each event counts once. Tested against the gateway's
 * contract example.
 */
@ApplicationScoped
public class CollectionSubscription implements EventSubscription {

    public static final String NAME = "dunning-service.collection";

    @Inject
    CaseStore cases;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(BoundedContext.COLLECTION.topic());
    }

    @Override
    public EventHandler handler() {
        return (tx, event) -> switch (event.data()) {
            case InvoiceAssigned assigned -> cases.handle(tx, assigned.tenantId(), assigned.invoiceId(),
                    new DunningCase.Assign(assigned.factor(), assigned.assignedOn())).replaceWithVoid();
            default -> Uni.createFrom().voidItem();
        };
    }
}
