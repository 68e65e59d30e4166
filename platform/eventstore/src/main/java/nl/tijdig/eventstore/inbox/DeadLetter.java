package nl.tijdig.eventstore.inbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A message a consumer could not handle, as the operator sees it. {@code eventId}, {@code eventType}
 * and {@code tenantId} are null when the message was too malformed to tell.
 */
public record DeadLetter(UUID id, String consumer, String topic, int partition, long offset, String key,
        Map<String, String> headers, byte[] payload, UUID eventId, String eventType, UUID tenantId, String error,
        int attempts, Instant failedAt, Instant redrivenAt) {
}
