package nl.tijdig.events;

import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.Instant;
import java.util.UUID;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.TenantId;

/**
 * A reminder went out on one channel (one event per channel delivered). {@code recipient} is the
 * address used (email address, phone number, postal address line); {@code communicationId} points to
 * the entry in the communication log with the rendered letter.
 */
public record ReminderSent(TenantId tenantId, CaseId caseId, UUID reminderId, Channel channel, String recipient,
        UUID communicationId, Instant sentAt, Instant occurredAt) implements NotificationEvent {

    public ReminderSent {
        required(tenantId, "tenantId");
        required(caseId, "caseId");
        required(reminderId, "reminderId");
        required(channel, "channel");
        text(recipient, "recipient");
        required(communicationId, "communicationId");
        required(sentAt, "sentAt");
        required(occurredAt, "occurredAt");
    }
}
