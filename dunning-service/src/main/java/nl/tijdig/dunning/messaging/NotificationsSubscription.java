package nl.tijdig.dunning.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import nl.tijdig.dunning.store.LetterStore;
import nl.tijdig.dunning.store.PhoneCalls;
import nl.tijdig.events.BoundedContext;
import nl.tijdig.events.NotificationFailed;
import nl.tijdig.events.PhoneCallCompleted;
import nl.tijdig.events.ReminderSent;
import nl.tijdig.eventstore.inbox.EventHandler;
import nl.tijdig.runtime.backbone.EventSubscription;

/**
 * Follows the notification-service: a letter sent (ReminderSent, one per channel) is the step delivered
 * for every case it was about, with the final notice's legal deadline; a letter that failed on every
 * channel (NotificationFailed) goes on the step's fallback channel, or to staff; a call to the debtor
 * (PhoneCallCompleted) goes on its cases' records, a promise or dispute agreed in it holds them. Through the inbox: each event
 * counts once. Tested against the notification-service's contract examples.
 */
@ApplicationScoped
public class NotificationsSubscription implements EventSubscription {

    public static final String NAME = "dunning-service.notifications";

    @Inject
    LetterStore letters;

    @Inject
    PhoneCalls calls;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(BoundedContext.NOTIFICATION.topic());
    }

    @Override
    public EventHandler handler() {
        return (tx, event) -> switch (event.data()) {
            case ReminderSent sent -> letters.sent(tx, sent);
            case NotificationFailed failed -> letters.failed(tx, failed);
            case PhoneCallCompleted call -> calls.completed(tx, call);
            default -> Uni.createFrom().voidItem();
        };
    }
}
