package nl.tijdig.collection.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import nl.tijdig.collection.store.Intake;
import nl.tijdig.events.BoundedContext;
import nl.tijdig.events.EscalatedToCollection;
import nl.tijdig.eventstore.inbox.EventHandler;
import nl.tijdig.runtime.backbone.EventSubscription;

/** Follows the dunning-service: a claim escalated to collection comes in here. Built against its contract example. */
@ApplicationScoped
public class DunningSubscription implements EventSubscription {

    public static final String NAME = "collection-gateway.dunning";

    @Inject
    Intake intake;

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
            case EscalatedToCollection escalation -> intake.escalated(tx, escalation);
            default -> Uni.createFrom().voidItem();
        };
    }
}
