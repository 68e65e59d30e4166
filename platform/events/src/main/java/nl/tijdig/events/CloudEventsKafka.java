package nl.tijdig.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import nl.tijdig.kernel.TenantId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * CloudEvents 1.0 in binary mode on Kafka (the Kafka protocol binding): the attributes as {@code ce_*}
 * headers, the data as the JSON body with {@code content-type: application/json}, the aggregate id as
 * the key. Extensions: {@code ce_tenantid}, {@code ce_sequence}; W3C trace context as {@code traceparent}
 * and {@code tracestate}.
 */
public final class CloudEventsKafka {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "content-type";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String SPECVERSION = "ce_specversion";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String TENANT = "ce_tenantid";
    public static final String SEQUENCE = "ce_sequence";
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    /** The outcome of reading a message. */
    public sealed interface Decoded {
        UUID id();
    }

    /** An event of the catalogue (after upcasting). */
    public record Known(EventEnvelope envelope) implements Decoded {
        @Override
        public UUID id() {
            return envelope.id();
        }
    }

    /** A well-formed CloudEvent of a type this catalogue does not know (e.g. from a newer producer). */
    public record Unknown(UUID id, String type) implements Decoded {
    }

    private final EventCatalogue catalogue;
    private final ObjectMapper json = EventJson.mapper();

    public CloudEventsKafka(EventCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    public EventCatalogue catalogue() {
        return catalogue;
    }

    public static CloudEventsKafka standard() {
        return new CloudEventsKafka(EventCatalogue.standard());
    }

    public WireMessage encode(EventEnvelope event) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPECVERSION, SPEC_VERSION);
        headers.put(ID, event.id().toString());
        headers.put(SOURCE, event.source());
        headers.put(TYPE, event.type().type());
        headers.put(SUBJECT, event.subject().toString());
        headers.put(TIME, event.time().toString());
        headers.put(TENANT, event.tenantId().toString());
        headers.put(SEQUENCE, Long.toString(event.sequence()));
        headers.put(CONTENT_TYPE, "application/json");
        if (event.trace().traceparent() != null) {
            headers.put(TRACEPARENT, event.trace().traceparent());
        }
        if (event.trace().tracestate() != null) {
            headers.put(TRACESTATE, event.trace().tracestate());
        }
        try {
            return new WireMessage(event.type().topic(), event.subject().toString(), headers,
                    json.writeValueAsBytes(event.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event.type(), e);
        }
    }

    public static ProducerRecord<String, byte[]> toProducerRecord(WireMessage message) {
        RecordHeaders headers = new RecordHeaders();
        message.headers().forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(message.topic(), null, message.key(), message.payload(), headers);
    }

    /** The headers of a record as text (the last value of a repeated header wins). */
    public static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    public Decoded decode(ConsumerRecord<String, byte[]> record) {
        return decode(headers(record), record.value());
    }

    /**
     * Reads a message: checks the CloudEvents attributes, upcasts older versions, maps the data to its
     * record and checks that attributes and data agree.
     *
     * @throws MalformedEventException when it is not a valid event
     */
    public Decoded decode(Map<String, String> headers, byte[] payload) {
        String specVersion = require(headers, SPECVERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("unsupported CloudEvents specversion " + specVersion);
        }
        UUID id = uuid(headers, ID);
        require(headers, SOURCE);
        String type = require(headers, TYPE);
        if (payload == null) {
            throw new MalformedEventException("event " + id + " has no data");
        }
        ObjectNode data;
        try {
            JsonNode tree = json.readTree(payload);
            if (!(tree instanceof ObjectNode object)) {
                throw new MalformedEventException("data of event " + id + " is not a JSON object");
            }
            data = object;
        } catch (IOException e) {
            throw new MalformedEventException("data of event " + id + " is not JSON: " + e.getMessage(), e);
        }
        Upcasters.Upcasted current = catalogue.upcasters().upcast(type, data);
        EventType eventType = catalogue.byType(current.type()).orElse(null);
        if (eventType == null) {
            return new Unknown(id, type);
        }
        PublicEvent event;
        try {
            event = json.treeToValue(current.data(), eventType.javaType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("data of event " + id + " is not a valid " + type + ": " + e.getMessage(), e);
        }
        UUID subject = uuid(headers, SUBJECT);
        TenantId tenant;
        try {
            tenant = TenantId.of(require(headers, TENANT));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
        long sequence;
        Instant time;
        try {
            sequence = Long.parseLong(require(headers, SEQUENCE));
            time = Instant.parse(require(headers, TIME));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new MalformedEventException("event " + id + " has a malformed attribute: " + e.getMessage(), e);
        }
        try {
            return new Known(new EventEnvelope(id, eventType, subject, tenant, time, sequence,
                    new TraceContext(headers.get(TRACEPARENT), headers.get(TRACESTATE)), event));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("event " + id + ": " + e.getMessage(), e);
        }
    }

    private static String require(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing header " + name);
        }
        return value;
    }

    private static UUID uuid(Map<String, String> headers, String name) {
        String value = require(headers, name);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("header " + name + " is not a UUID: " + value, e);
        }
    }
}
