package nl.tijdig.events;

import java.util.Map;
import java.util.Objects;

/**
 * An event as it travels: topic, key, headers and body bytes. This is what the outbox stores and the
 * relay publishes, so that publishing needs no knowledge of the event.
 */
public record WireMessage(String topic, String key, Map<String, String> headers, byte[] payload) {

    public WireMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(payload, "payload");
    }
}
