package nl.tijdig.events;

import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.Instant;
import java.util.UUID;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.TenantId;

/**
 * A reminder could not be delivered on a channel. {@code permanent} is true when retrying will not
 * help (an address that does not exist), false when retries ran out on a passing fault.
 */
public record NotificationFailed(TenantId tenantId, CaseId caseId, UUID reminderId, Channel channel, String reason,
        boolean permanent, Instant occurredAt) implements CaseNotification {

    public NotificationFailed {
        required(tenantId, "tenantId");
        required(caseId, "caseId");
        required(reminderId, "reminderId");
        required(channel, "channel");
        text(reason, "reason");
        required(occurredAt, "occurredAt");
    }
}
