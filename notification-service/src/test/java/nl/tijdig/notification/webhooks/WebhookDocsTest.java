package nl.tijdig.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.tijdig.events.EventCatalogue;
import nl.tijdig.events.EventEnvelope;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.EventType;
import nl.tijdig.events.PaymentLinkClosed;
import nl.tijdig.events.TraceContext;
import nl.tijdig.kernel.StandardWebhooks;
import nl.tijdig.notification.store.WebhookDeliveries;
import org.junit.jupiter.api.Test;

/** docs/webhooks.md says what the service does: its example is what the service sends, and it names every event type. */
class WebhookDocsTest {

    static final Path DOC = Path.of("..", "docs", "webhooks.md");
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void the_documented_delivery_is_what_the_service_sends_and_verifies() throws IOException {
        // given the payment-service's example of PaymentLinkClosed, as the second event of its link
        PaymentLinkClosed closed = EventExamples.event(PaymentLinkClosed.class);
        UUID id = UUID.fromString("0193a6f2-7777-7777-8777-000000000001");
        EventEnvelope event = EventEnvelope.of(id, closed, 2, TraceContext.NONE);
        long timestamp = closed.occurredAt().getEpochSecond() + 1;
        // when the service writes and signs it
        String body = WebhookDeliveries.body(event);
        String signature = StandardWebhooks.header(java.util.List.of(SECRET), id.toString(), timestamp,
                body.getBytes(StandardCharsets.UTF_8));
        // then the documentation shows exactly that, and a verifier from the specification accepts it
        String doc = Files.readString(DOC);
        assertThat(doc).contains(body, "webhook-timestamp: " + timestamp, "webhook-signature: " + signature, SECRET);
        assertThat(new StandardWebhooksVerifier(SECRET, java.time.Duration.ofMinutes(5)).verify(Map.of("webhook-id", id.toString(),
                "webhook-timestamp", Long.toString(timestamp), "webhook-signature", signature), body,
                Instant.ofEpochSecond(timestamp))).isTrue();
    }

    @Test
    void every_event_type_of_the_catalogue_is_documented() throws IOException {
        String doc = Files.readString(DOC);
        for (EventType type : EventCatalogue.standard().all()) {
            assertThat(doc).as("docs/webhooks.md names %s", type.type()).contains("`" + type.type() + "`");
        }
    }
}
