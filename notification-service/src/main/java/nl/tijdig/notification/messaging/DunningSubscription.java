package nl.tijdig.notification.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import nl.tijdig.events.BoundedContext;
import nl.tijdig.events.PhoneCallDue;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.events.WeeklyOverviewCompiled;
import nl.tijdig.eventstore.inbox.EventHandler;
import nl.tijdig.notification.store.Communications;
import nl.tijdig.notification.store.OverviewMails;
import nl.tijdig.notification.store.PhoneTasks;
import nl.tijdig.runtime.backbone.EventSubscription;

/**
 * Follows the dunning-service: a ReminderDue becomes one communication per channel in the log, recorded in
 * the inbox transaction (so a redelivered ReminderDue is taken in once, and its communications exist once).
 * Rendering and sending happen after, in the sender. A PhoneCallDue becomes a task in the tenant's
 * phone work list; a WeeklyOverviewCompiled a mail to the creditor. Built against the dunning-service's contract examples.
 */
@ApplicationScoped
public class DunningSubscription implements EventSubscription {

    public static final String NAME = "notification-service.dunning";

    @Inject
    Communications communications;

    @Inject
    PhoneTasks phoneTasks;

    @Inject
    OverviewMails overviewMails;

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
            case ReminderDue reminder -> communications.record(tx, reminder);
            case PhoneCallDue call -> phoneTasks.due(tx, call);
            case WeeklyOverviewCompiled overview -> overviewMails.compiled(tx, overview);
            default -> Uni.createFrom().voidItem();
        };
    }
}
