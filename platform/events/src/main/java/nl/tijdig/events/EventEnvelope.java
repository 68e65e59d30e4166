package nl.tijdig.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import nl.tijdig.kernel.TenantId;

/**
 * A public event with its CloudEvents attributes: {@code id} (app-assigned UUID; with the source a
 * dedupe key), {@code type}, {@code subject} (the aggregate id, also the Kafka key), the tenant,
 * {@code time}, {@code sequence} (the event's version within its aggregate's stream, 1-based, so
 * receivers can order) and the trace context.
 */
public record EventEnvelope(UUID id, EventType type, UUID subject, TenantId tenantId, Instant time, long sequence,
        TraceContext trace, PublicEvent data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        trace = trace == null ? TraceContext.NONE : trace;
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be 1 or more, was " + sequence);
        }
        if (!type.javaType().isInstance(data)) {
            throw new IllegalArgumentException(type + " does not carry a " + data.getClass().getSimpleName());
        }
        if (!subject.equals(data.aggregateId()) || !tenantId.equals(data.tenantId())) {
            throw new IllegalArgumentException("subject and tenant must be the event's aggregate id and tenant");
        }
    }

    /** The envelope of an event at a position of its stream; attributes taken from the event. */
    public static EventEnvelope of(UUID id, PublicEvent event, long sequence, TraceContext trace) {
        EventType type = EventCatalogue.standard().of(event);
        return new EventEnvelope(id, type, event.aggregateId(), event.tenantId(), event.occurredAt(), sequence, trace,
                event);
    }

    public String source() {
        return type.context().source();
    }
}
