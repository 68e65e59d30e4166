package nl.tijdig.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import nl.tijdig.events.PublicEvent;
import nl.tijdig.events.TraceContext;

/**
 * An event to append. A {@link Published} event is of the public catalogue and also goes to the
 * outbox, in the same transaction; an {@link Internal} one stays in the service's store.
 */
public sealed interface NewEvent {

    UUID eventId();

    static Published published(UUID eventId, PublicEvent event) {
        return new Published(eventId, event, TraceContext.NONE);
    }

    static Internal internal(UUID eventId, String type, JsonNode data, Instant occurredAt) {
        return new Internal(eventId, type, data, occurredAt);
    }

    /** A public event: stored, and published on its topic by the relay. */
    record Published(UUID eventId, PublicEvent event, TraceContext trace) implements NewEvent {
        public Published {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(event, "event");
            trace = trace == null ? TraceContext.NONE : trace;
        }
    }

    /** A service-internal event: stored only; {@code type} is the service's own name for it. */
    record Internal(UUID eventId, String type, JsonNode data, Instant occurredAt) implements NewEvent {
        public Internal {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }
}
