package nl.tijdig.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import nl.tijdig.events.BoundedContext;
import nl.tijdig.eventstore.inbox.EventHandler;
import nl.tijdig.notification.store.WebhookDeliveries;
import nl.tijdig.runtime.backbone.EventSubscription;

/**
 * Every public event of every service, for the tenants' webhook subscriptions: each event is recorded as a
 * delivery for each subscription of its tenant that wants its type (in the inbox transaction, so once).
 * Its own consumer group, so it neither slows nor is slowed by the reminders.
 */
@ApplicationScoped
public class WebhookFeed implements EventSubscription {

    public static final String NAME = "notification-service.webhooks";

    @Inject
    WebhookDeliveries deliveries;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Arrays.stream(BoundedContext.values()).map(BoundedContext::topic).collect(Collectors.toSet());
    }

    @Override
    public EventHandler handler() {
        return (tx, event) -> deliveries.record(tx, event);
    }
}
