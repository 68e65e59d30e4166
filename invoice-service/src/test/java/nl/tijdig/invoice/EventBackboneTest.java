package nl.tijdig.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.eventstore.EventStore;
import nl.tijdig.eventstore.NewEvent;
import nl.tijdig.eventstore.StreamRef;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The backbone as the service runs it: migrated store, append in a transaction, the relay publishes. */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "invoice"))
class EventBackboneTest {

    @Inject
    Pool pool;

    @Inject
    EventStore store;

    @Test
    void an_event_appended_in_a_transaction_is_published_by_the_service_relay() {
        // given the contract example of InvoiceIssued
        InvoiceIssued issued = EventExamples.event(InvoiceIssued.class);
        UUID eventId = UUID.randomUUID();

        // when the service appends it to the invoice's stream
        pool.withTransaction(tx -> store.append(tx, issued.tenantId(), new StreamRef(issued.invoiceId().value(), "invoice"),
                0, List.of(NewEvent.published(eventId, issued)))).await().atMost(Duration.ofSeconds(30));

        // then the relay publishes it on tijdig.invoice.v1, keyed by the invoice, as a CloudEvent
        ConsumerRecord<String, byte[]> record = read("tijdig.invoice.v1", eventId.toString());
        assertThat(record.key()).isEqualTo(issued.invoiceId().toString());
        assertThat(header(record, "ce_type")).isEqualTo("nl.tijdig.invoice.InvoiceIssued.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/tijdig/invoice-service");
        assertThat(header(record, "ce_sequence")).isEqualTo("1");
    }

    private ConsumerRecord<String, byte[]> read(String topic, String eventId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", KafkaResource.broker().bootstrapServers(), "group.id", "probe-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (eventId.equals(header(record, "ce_id"))) {
                        return record;
                    }
                    seen.add(record);
                }
            }
            throw new AssertionError("event " + eventId + " not published; saw " + seen.size() + " others");
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
