package nl.tijdig.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import io.vertx.mutiny.sqlclient.Row;
import nl.tijdig.events.EventJson;
import nl.tijdig.kernel.TenantId;

/**
 * An event as stored. {@code version} is its place in its stream (1-based); {@code position} the
 * store-wide insert order (not commit order: projections use {@code ProjectionRunner}'s cursor).
 */
public record RecordedEvent(long position, UUID eventId, UUID streamId, long version, TenantId tenantId, String type,
        JsonNode data, Instant occurredAt, Instant recordedAt) {

    /** An event row of {@code eventstore.events}, as the store and its projections read it. */
    public static RecordedEvent from(Row row) {
        try {
            return new RecordedEvent(row.getLong("position"), row.getUUID("event_id"), row.getUUID("stream_id"),
                    row.getLong("version"), new TenantId(row.getUUID("tenant_id")), row.getString("event_type"),
                    EventJson.mapper().readTree(row.getValue("data").toString()),
                    row.getOffsetDateTime("occurred_at").toInstant(), row.getOffsetDateTime("recorded_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON of event " + row.getUUID("event_id") + " is unreadable", e);
        }
    }

    /** The data as the given record (an event of the catalogue, or a service's own event type). */
    public <T> T as(Class<T> javaType) {
        try {
            return EventJson.mapper().treeToValue(data, javaType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event " + eventId + " is not a readable " + javaType.getSimpleName(), e);
        }
    }
}
