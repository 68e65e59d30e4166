package nl.tijdig.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.eventstore.EventStore;
import nl.tijdig.eventstore.NewEvent;
import nl.tijdig.eventstore.StreamRef;
import nl.tijdig.testing.kafka.TopicProbe;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
        ConsumerRecord<String, byte[]> record = TopicProbe.first(KafkaResource.broker().bootstrapServers(),
                "tijdig.invoice.v1", r -> eventId.toString().equals(TopicProbe.header(r, "ce_id")), Duration.ofSeconds(60));
        assertThat(record.key()).isEqualTo(issued.invoiceId().toString());
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("nl.tijdig.invoice.InvoiceIssued.v1");
        assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/tijdig/invoice-service");
        assertThat(TopicProbe.header(record, "ce_sequence")).isEqualTo("1");
    }

}
