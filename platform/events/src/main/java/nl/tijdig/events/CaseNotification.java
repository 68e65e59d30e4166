package nl.tijdig.events;

import java.util.UUID;
import nl.tijdig.kernel.CaseId;

/**
 * A notification event about a dunning case's communication, keyed by the case id, so that a case's
 * communications arrive in order.
 */
public sealed interface CaseNotification extends NotificationEvent permits ReminderSent, ReminderSuppressed,
        NotificationFailed, PhoneCallCompleted {

    CaseId caseId();

    @Override
    default UUID aggregateId() {
        return caseId().value();
    }
}
