package nl.tijdig.dunning.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import nl.tijdig.dunning.domain.DunningCase;
import nl.tijdig.dunning.store.CaseStore;
import nl.tijdig.events.BoundedContext;
import nl.tijdig.events.CollectionCaseClosed;
import nl.tijdig.events.InvoiceAssigned;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.eventstore.inbox.EventHandler;
import nl.tijdig.runtime.backbone.EventSubscription;

/**
 * Follows the collection-gateway: an invoice sold to a factor (InvoiceAssigned) is no longer the creditor's to dun —
 * its case closes ASSIGNED (DunningCaseClosed), no reminder goes out after, and no VAT relief is published for it
 * (that belongs to the buyer of the claim). A collection case that ended without collecting the whole claim
 * (CollectionCaseClosed REJECTED, RETURNED, RECALLED or CLOSED_BY_PARTNER) brings the escalated case back to the
 * creditor: RETURNED, waiting for a decision (another agency, a plan, a write-off). Through the inbox: each event counts once. Tested against the gateway's
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

    /**
     * The domain's outcome of a collection case that ended without collecting the whole claim; null for COLLECTED
     * (the payments it reported close the case).
     */
    static DunningCase.CollectionOutcome outcome(CollectionCaseClosed.Outcome outcome) {
        return switch (outcome) {
            case COLLECTED -> null;
            case CLOSED_BY_PARTNER -> DunningCase.CollectionOutcome.CLOSED_BY_PARTNER;
            case REJECTED -> DunningCase.CollectionOutcome.REJECTED;
            case RETURNED -> DunningCase.CollectionOutcome.RETURNED;
            case RECALLED -> DunningCase.CollectionOutcome.RECALLED;
        };
    }

    @Override
    public EventHandler handler() {
        return (tx, event) -> switch (event.data()) {
            case InvoiceAssigned assigned -> cases.handle(tx, assigned.tenantId(), assigned.invoiceId(),
                    new DunningCase.Assign(assigned.factor(), assigned.assignedOn())).replaceWithVoid();
            case CollectionCaseClosed closed -> outcome(closed.outcome()) == null ? Uni.createFrom().voidItem()
                    : cases.handle(tx, closed.tenantId(), new InvoiceId(closed.caseId().value()), new DunningCase.EndCollection(
                            outcome(closed.outcome()), closed.reason(), BusinessTime.dateOf(closed.occurredAt())))
                            .replaceWithVoid();
            default -> Uni.createFrom().voidItem();
        };
    }
}
