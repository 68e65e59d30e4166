package nl.tijdig.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class CloudEventsKafkaTest {

    private final CloudEventsKafka codec = CloudEventsKafka.standard();
    private final InvoiceIssued issued = EventExamples.event(InvoiceIssued.class);
    private final UUID eventId = UUID.fromString("0193a6f2-9999-7999-8999-000000000001");
    private final TraceContext trace = new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "tijdig=1");

    @Test
    void an_event_travels_as_a_binary_mode_cloudevent_keyed_by_its_aggregate() {
        // when an InvoiceIssued is encoded
        WireMessage message = codec.encode(EventEnvelope.of(eventId, issued, 1, trace));

        // then the attributes are ce_ headers, the key is the invoice id and the body is the JSON data
        assertThat(message.topic()).isEqualTo("tijdig.invoice.v1");
        assertThat(message.key()).isEqualTo(issued.invoiceId().toString());
        assertThat(message.headers()).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_id", eventId.toString())
                .containsEntry("ce_source", "/tijdig/invoice-service")
                .containsEntry("ce_type", "nl.tijdig.invoice.InvoiceIssued.v1")
                .containsEntry("ce_subject", issued.invoiceId().toString())
                .containsEntry("ce_time", "2026-09-01T08:30:00Z")
                .containsEntry("ce_tenantid", issued.tenantId().toString())
                .containsEntry("ce_sequence", "1")
                .containsEntry("content-type", "application/json")
                .containsEntry("traceparent", trace.traceparent())
                .containsEntry("tracestate", "tijdig=1");
        assertThat(new String(message.payload(), StandardCharsets.UTF_8)).contains("\"invoiceNumber\":\"2026-00042\"");
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toProducerRecord(message);
        assertThat(record.headers().lastHeader("ce_type").value()).asString(StandardCharsets.UTF_8)
                .isEqualTo("nl.tijdig.invoice.InvoiceIssued.v1");
    }

    @Test
    void decoding_gives_back_the_same_envelope() {
        EventEnvelope sent = EventEnvelope.of(eventId, issued, 3, trace);
        WireMessage message = codec.encode(sent);

        CloudEventsKafka.Decoded decoded = codec.decode(message.headers(), message.payload());

        assertThat(decoded).isEqualTo(new CloudEventsKafka.Known(sent));
    }

    @Test
    void a_type_this_consumer_does_not_know_is_reported_not_failed() {
        WireMessage message = codec.encode(EventEnvelope.of(eventId, issued, 1, TraceContext.NONE));
        Map<String, String> headers = new HashMap<>(message.headers());
        headers.put("ce_type", "nl.tijdig.invoice.InvoiceArchived.v1");

        assertThat(codec.decode(headers, message.payload()))
                .isEqualTo(new CloudEventsKafka.Unknown(eventId, "nl.tijdig.invoice.InvoiceArchived.v1"));
    }

    @Test
    void malformed_messages_are_refused_with_the_reason() {
        WireMessage message = codec.encode(EventEnvelope.of(eventId, issued, 1, TraceContext.NONE));

        Map<String, String> noType = new HashMap<>(message.headers());
        noType.remove("ce_type");
        assertThatThrownBy(() -> codec.decode(noType, message.payload()))
                .isInstanceOf(MalformedEventException.class).hasMessage("missing header ce_type");

        assertThatThrownBy(() -> codec.decode(message.headers(), "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("is not JSON");

        String withoutDueDate = new String(message.payload(), StandardCharsets.UTF_8).replace("\"dueDate\":\"2026-10-01\",", "");
        assertThatThrownBy(() -> codec.decode(message.headers(), withoutDueDate.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("dueDate is required");

        Map<String, String> otherTenant = new HashMap<>(message.headers());
        otherTenant.put("ce_tenantid", UUID.randomUUID().toString());
        assertThatThrownBy(() -> codec.decode(otherTenant, message.payload()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("tenant");

        Map<String, String> oldSpec = new HashMap<>(message.headers());
        oldSpec.put("ce_specversion", "0.3");
        assertThatThrownBy(() -> codec.decode(oldSpec, message.payload()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("specversion 0.3");
    }
}
