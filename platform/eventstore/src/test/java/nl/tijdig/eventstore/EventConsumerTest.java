package nl.tijdig.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.EventEnvelope;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.TraceContext;
import nl.tijdig.events.WireMessage;
import nl.tijdig.eventstore.inbox.ConsumerSettings;
import nl.tijdig.eventstore.inbox.DeadLetter;
import nl.tijdig.eventstore.inbox.EventConsumer;
import nl.tijdig.eventstore.inbox.EventHandler;
import nl.tijdig.eventstore.outbox.OutboxRelay;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static Pool pool;
    private static Producer<String, byte[]> producer;
    private final Clock clock = Clock.fixed(Samples.T, ZoneOffset.UTC);
    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private String topic;
    private String consumerName;

    @BeforeAll
    static void connect() {
        pool = Infrastructure.pool(4);
        producer = OutboxRelay.producer(Infrastructure.kafka().bootstrapServers(), "test-producer", Map.of());
        pool.query("CREATE TABLE IF NOT EXISTS seen_invoices (consumer text, invoice_id uuid, number text, "
                + "PRIMARY KEY (consumer, invoice_id))").execute().await().atMost(WAIT);
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        pool.closeAndAwait();
    }

    @BeforeEach
    void names() {
        // a topic and a consumer group of the test's own, so tests do not see each other's messages
        topic = "tijdig.invoice.v1.test-" + UUID.randomUUID();
        consumerName = "test-consumer-" + UUID.randomUUID();
    }

    /** The handler's effect: a row per invoice it saw. */
    private EventHandler recordInvoice() {
        return (tx, event) -> {
            InvoiceIssued issued = (InvoiceIssued) event.data();
            return tx.preparedQuery("INSERT INTO seen_invoices (consumer, invoice_id, number) VALUES ($1, $2, $3)")
                    .execute(Tuple.of(consumerName, issued.invoiceId().value(), issued.invoiceNumber())).replaceWithVoid();
        };
    }

    @Test
    void events_fed_twice_have_one_effect_each() {
        // given three events, each published twice (a redelivery)
        List<WireMessage> messages = List.of(message(), message(), message());
        for (WireMessage message : messages) {
            send(message);
            send(message);
        }

        // when a consumer reads them all
        try (EventConsumer consumer = consumer(recordInvoice())) {
            consumer.start();

            // then each invoice was recorded once, and nothing was dead-lettered
            await().atMost(WAIT).until(() -> seen() == 3);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> seen() == 3);
            assertThat(consumer.handledCount()).isEqualTo(3);
            assertThat(consumer.deadLetteredCount()).isZero();
        }
    }

    @Test
    void a_poison_message_is_dead_lettered_the_next_is_processed_and_re_drive_works() {
        // given a handler that cannot handle one particular invoice (until it is fixed)
        WireMessage poison = message();
        WireMessage good = message();
        String poisonKey = poison.key();
        AtomicBoolean fixed = new AtomicBoolean(false);
        EventHandler handler = (tx, event) -> !fixed.get() && event.subject().toString().equals(poisonKey)
                ? Uni.createFrom().failure(new IllegalStateException("no debtor for this invoice"))
                : recordInvoice().handle(tx, event);
        // and a message that is no event at all
        WireMessage garbage = new WireMessage(topic, "x", Map.of("ce_specversion", "1.0"), "{".getBytes(StandardCharsets.UTF_8));
        send(poison);
        send(garbage);
        send(good);

        try (EventConsumer consumer = consumer(handler)) {
            // when the consumer runs
            consumer.start();

            // then the good event is processed, and the other two are dead letters with their errors
            await().atMost(WAIT).until(() -> seen() == 1 && consumer.deadLetteredCount() == 2);
            List<DeadLetter> letters = consumer.deadLetters().list(consumerName, false, 10).await().atMost(WAIT);
            assertThat(letters).extracting(DeadLetter::error)
                    .anySatisfy(e -> assertThat(e).contains("no debtor for this invoice"))
                    .anySatisfy(e -> assertThat(e).contains("missing header ce_id"));
            DeadLetter poisoned = letters.stream().filter(l -> poisonKey.equals(l.key())).findFirst().orElseThrow();
            assertThat(poisoned.attempts()).isEqualTo(2);
            assertThat(poisoned.eventType()).isEqualTo("nl.tijdig.invoice.InvoiceIssued.v1");
            assertThat(poisoned.tenantId()).isEqualTo(tenant.value());
            assertThat(TopicReader.read(topic + ".dlq." + consumerName, r -> true, 2, WAIT))
                    .extracting(r -> TopicReader.header(r, "tijdig_dlq_error")).hasSize(2)
                    .anySatisfy(e -> assertThat(e).contains("no debtor"));

            // when the handler is fixed and the operator re-drives the poison message
            fixed.set(true);
            Optional<String> error = consumer.redrive(poisoned.id());

            // then it is processed and no longer listed as open; re-driving again changes nothing
            assertThat(error).isEmpty();
            assertThat(seen()).isEqualTo(2);
            assertThat(consumer.deadLetters().list(consumerName, false, 10).await().atMost(WAIT))
                    .extracting(DeadLetter::id).doesNotContain(poisoned.id());
            assertThat(consumer.redrive(poisoned.id())).isEmpty();
            assertThat(seen()).isEqualTo(2);
        }
    }

    @Test
    void a_re_drive_that_fails_again_keeps_the_letter_open_with_the_new_error() {
        WireMessage poison = message();
        send(poison);
        EventHandler failing = (tx, event) -> Uni.createFrom().failure(new IllegalStateException("still broken"));
        try (EventConsumer consumer = consumer(failing)) {
            consumer.start();
            await().atMost(WAIT).until(() -> consumer.deadLetteredCount() == 1);
            DeadLetter letter = consumer.deadLetters().list(consumerName, false, 10).await().atMost(WAIT).get(0);

            assertThat(consumer.redrive(letter.id())).hasValueSatisfying(e -> assertThat(e).contains("still broken"));

            DeadLetter again = consumer.deadLetters().get(letter.id()).await().atMost(WAIT).orElseThrow();
            assertThat(again.redrivenAt()).isNull();
            assertThat(again.attempts()).isEqualTo(3);
        }
    }

    @Test
    void events_of_a_type_the_consumer_does_not_know_are_skipped() {
        WireMessage known = message();
        Map<String, String> headers = new java.util.HashMap<>(message().headers());
        headers.put("ce_type", "nl.tijdig.invoice.InvoiceArchived.v1");
        send(new WireMessage(topic, "k", headers, "{}".getBytes(StandardCharsets.UTF_8)));
        send(known);
        try (EventConsumer consumer = consumer(recordInvoice())) {
            consumer.start();
            await().atMost(WAIT).until(() -> seen() == 1);
            assertThat(consumer.deadLetteredCount()).isZero();
        }
    }

    private EventConsumer consumer(EventHandler handler) {
        return new EventConsumer(consumerName, Set.of(topic), Infrastructure.kafka().bootstrapServers(), pool, handler,
                CloudEventsKafka.standard(), new ConsumerSettings(2, Duration.ofMillis(50), 100, Duration.ofMillis(100)),
                clock);
    }

    private WireMessage message() {
        InvoiceId invoice = new InvoiceId(UUID.randomUUID());
        WireMessage standard = CloudEventsKafka.standard().encode(
                EventEnvelope.of(UUID.randomUUID(), Samples.issued(tenant, invoice), 1, TraceContext.NONE));
        return new WireMessage(topic, standard.key(), standard.headers(), standard.payload());
    }

    private void send(WireMessage message) {
        try {
            producer.send(CloudEventsKafka.toProducerRecord(message)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long seen() {
        return pool.preparedQuery("SELECT count(*) FROM seen_invoices WHERE consumer = $1").execute(Tuple.of(consumerName))
                .await().atMost(WAIT).iterator().next().getLong(0);
    }

}
