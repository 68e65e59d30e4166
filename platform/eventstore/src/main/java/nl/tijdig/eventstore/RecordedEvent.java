package nl.tijdig.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import nl.tijdig.kernel.TenantId;

/**
 * An event as stored. {@code version} is its place in its stream (1-based); {@code position} the
 * store-wide insert order (not commit order: projections use {@code ProjectionRunner}'s cursor).
 */
public record RecordedEvent(long position, UUID eventId, UUID streamId, long version, TenantId tenantId, String type,
        JsonNode data, Instant occurredAt, Instant recordedAt) {
}
