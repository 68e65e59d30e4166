package nl.tijdig.events;

import java.util.UUID;
import nl.tijdig.kernel.CaseId;

/**
 * Published by the notification-service on {@code tijdig.notification.v1}, keyed by the case id the
 * communication belongs to, so that a case's communications arrive in order.
 */
public sealed interface NotificationEvent extends PublicEvent permits ReminderSent, ReminderSuppressed, NotificationFailed, PhoneCallCompleted {

    CaseId caseId();

    @Override
    default UUID aggregateId() {
        return caseId().value();
    }
}
