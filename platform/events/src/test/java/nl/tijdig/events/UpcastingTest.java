package nl.tijdig.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The upcasting mechanism: an older version of a document is rewritten step by step into the current
 * version before it is mapped. Shown with a made-up earlier shape of InvoiceCancelled: a v0 that had
 * the date under {@code cancelledOn} and no reason, upcast to v1.
 */
class UpcastingTest {

    static final class CancelledV0ToV1 implements Upcasters.Upcaster {
        @Override
        public String fromType() {
            return "nl.tijdig.invoice.InvoiceCancelled.v0";
        }

        @Override
        public String toType() {
            return "nl.tijdig.invoice.InvoiceCancelled.v1";
        }

        @Override
        public ObjectNode upcast(ObjectNode data) {
            data.set("cancelDate", data.remove("cancelledOn"));
            data.put("reason", "(not recorded before v1)");
            return data;
        }
    }

    @Test
    void an_older_version_is_read_as_the_current_record() {
        // given a catalogue that knows the v0 → v1 step, and a v0 message on the wire
        EventCatalogue catalogue = new EventCatalogue(EventCatalogue.standard().all(), Upcasters.of(new CancelledV0ToV1()));
        CloudEventsKafka codec = new CloudEventsKafka(catalogue);
        InvoiceCancelled current = EventExamples.event(InvoiceCancelled.class);
        WireMessage v1 = CloudEventsKafka.standard().encode(EventEnvelope.of(UUID.randomUUID(), current, 2, TraceContext.NONE));
        Map<String, String> headers = new HashMap<>(v1.headers());
        headers.put("ce_type", "nl.tijdig.invoice.InvoiceCancelled.v0");
        String v0 = new String(v1.payload(), StandardCharsets.UTF_8)
                .replace("\"cancelDate\"", "\"cancelledOn\"")
                .replace(",\"reason\":\"Dubbel gefactureerd\"", "");

        // when it is decoded
        CloudEventsKafka.Decoded decoded = codec.decode(headers, v0.getBytes(StandardCharsets.UTF_8));

        // then it is the v1 record, with the renamed field and the default the upcaster gave
        assertThat(decoded).isInstanceOf(CloudEventsKafka.Known.class);
        EventEnvelope envelope = ((CloudEventsKafka.Known) decoded).envelope();
        assertThat(envelope.type().type()).isEqualTo("nl.tijdig.invoice.InvoiceCancelled.v1");
        InvoiceCancelled read = (InvoiceCancelled) envelope.data();
        assertThat(read.cancelDate()).isEqualTo(current.cancelDate());
        assertThat(read.reason()).isEqualTo("(not recorded before v1)");
    }

    @Test
    void steps_chain_and_a_type_without_steps_is_left_alone() {
        Upcasters chain = Upcasters.of(step("t.v1", "t.v2", "a", "b"), step("t.v2", "t.v3", "b", "c"));
        ObjectNode data = EventJson.mapper().createObjectNode().put("a", 1);

        Upcasters.Upcasted result = chain.upcast("t.v1", data);

        assertThat(result.type()).isEqualTo("t.v3");
        assertThat(result.data().get("c").asInt()).isEqualTo(1);
        assertThat(data.has("a")).as("the input is not changed").isTrue();
        assertThat(chain.upcast("other.v1", data).type()).isEqualTo("other.v1");
    }

    private static Upcasters.Upcaster step(String from, String to, String oldField, String newField) {
        return new Upcasters.Upcaster() {
            @Override
            public String fromType() {
                return from;
            }

            @Override
            public String toType() {
                return to;
            }

            @Override
            public ObjectNode upcast(ObjectNode data) {
                data.set(newField, data.remove(oldField));
                return data;
            }
        };
    }
}
