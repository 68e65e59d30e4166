package nl.tijdig.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import nl.tijdig.events.EventJson;
import nl.tijdig.kernel.TenantId;

/**
 * An event as stored. {@code version} is its place in its stream (1-based); {@code position} the
 * store-wide insert order (not commit order: projections use {@code ProjectionRunner}'s cursor).
 */
public record RecordedEvent(long position, UUID eventId, UUID streamId, long version, TenantId tenantId, String type,
        JsonNode data, Instant occurredAt, Instant recordedAt) {

    /** The data as the given record (an event of the catalogue, or a service's own event type). */
    public <T> T as(Class<T> javaType) {
        try {
            return EventJson.mapper().treeToValue(data, javaType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event " + eventId + " is not a readable " + javaType.getSimpleName(), e);
        }
    }
}
