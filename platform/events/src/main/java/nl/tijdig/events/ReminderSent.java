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
 * the entry in the communication log with the rendered letter. {@code providerMessageId} is the id the
 * channel's provider knows the message by (the email's Message-ID, the SMS or post provider's id), the same
 * on every attempt; {@code contentHash} the SHA-256 (hex) of what was sent. Both optional (added to v1).
 */
public record ReminderSent(TenantId tenantId, CaseId caseId, UUID reminderId, Channel channel, String recipient,
        UUID communicationId, Instant sentAt, String providerMessageId, String contentHash, Instant occurredAt) implements CaseNotification {

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
