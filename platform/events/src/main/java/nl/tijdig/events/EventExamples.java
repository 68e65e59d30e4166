package nl.tijdig.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The example documents of the catalogue, as consumers' contract tests read them: the producer's
 * example, as JSON, as its record, or as the Kafka message the producer would publish.
 */
public final class EventExamples {

    private EventExamples() {
    }

    public static String json(EventType type) {
        try (InputStream in = EventExamples.class.getClassLoader().getResourceAsStream(type.exampleResource())) {
            if (in == null) {
                throw new IllegalStateException("no example for " + type + " at " + type.exampleResource());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(EventType type) {
        try {
            return EventJson.mapper().readTree(json(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <E extends PublicEvent> E event(Class<E> javaType) {
        EventType type = EventCatalogue.standard().of(javaType);
        try {
            return EventJson.mapper().readValue(json(type), javaType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example as the producer would publish it, with a fresh event id and the given sequence. */
    public static WireMessage message(Class<? extends PublicEvent> javaType, long sequence) {
        PublicEvent event = event(javaType);
        return CloudEventsKafka.standard().encode(EventEnvelope.of(UUID.randomUUID(), event, sequence, TraceContext.NONE));
    }

}
