package nl.tijdig.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.eventstore.outbox.OutboxRelay;
import nl.tijdig.eventstore.outbox.RelaySettings;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.testing.process.ChildJvm;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String TOPIC = "tijdig.invoice.v1";
    private static Pool pool;
    private final EventStore store = new EventStore(Clock.fixed(Samples.T, ZoneOffset.UTC));
    private final TenantId tenant = new TenantId(UUID.randomUUID());

    @BeforeAll
    static void connect() {
        pool = Infrastructure.pool(8);
    }

    @AfterAll
    static void disconnect() {
        pool.closeAndAwait();
    }

    @Test
    void ten_thousand_events_in_a_hundred_streams_all_arrive_in_stream_order_across_a_relay_restart() {
        // given 10,000 events in 100 streams (100 each), appended 20 at a time with the relay running
        OutboxRelay relay = relay("restart");
        OutboxRelay restarted = relay("restarted");
        List<InvoiceId> invoices = new ArrayList<>();
        for (int s = 0; s < 100; s++) {
            invoices.add(new InvoiceId(UUID.randomUUID()));
        }
        List<ConsumerRecord<String, byte[]>> records;
        try {
            relay.start();
            for (int round = 0; round < 5; round++) {
                if (round == 2) {
                    // when the relay is stopped midway, and a new one started after more appends
                    relay.stop();
                }
                if (round == 4) {
                    restarted.start();
                }
                appendRound(invoices, round);
            }
        // then all 10,000 are on the topic, and each stream's events are in order
            records = TopicReader.read(TOPIC,
                    r -> tenant.toString().equals(TopicReader.header(r, CloudEventsKafka.TENANT)), 10_000, WAIT);
        } finally {
            relay.stop();
            restarted.stop();
        }
        Map<String, List<Long>> sequences = new HashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (ids.add(TopicReader.header(record, CloudEventsKafka.ID))) { // a resend after a stop is a duplicate
                sequences.computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(Long.parseLong(TopicReader.header(record, CloudEventsKafka.SEQUENCE)));
            }
        }
        assertThat(ids).hasSize(10_000);
        assertThat(sequences).hasSize(100);
        List<Long> oneToHundred = java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList();
        sequences.forEach((stream, seq) -> assertThat(seq).as("stream %s", stream).isEqualTo(oneToHundred));
        assertThat(outboxRowsOfTenant()).isZero();
    }

    @Test
    void only_one_relay_is_active_and_another_takes_over_when_it_stops() {
        OutboxRelay first = relay("first");
        OutboxRelay second = relay("second");
        try {
            first.start();
            await().atMost(WAIT).until(first::isLeader);
            second.start();
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> !second.isLeader());

            first.stop();

            await().atMost(WAIT).until(second::isLeader);
            InvoiceId invoice = new InvoiceId(UUID.randomUUID());
            pool.withTransaction(tx -> store.append(tx, tenant, new StreamRef(invoice.value(), "invoice"), 0,
                    List.of(NewEvent.published(UUID.randomUUID(), Samples.issued(tenant, invoice))))).await().atMost(WAIT);
            assertThat(TopicReader.read(TOPIC, r -> r.key().equals(invoice.toString()), 1, WAIT)).hasSize(1);
        } finally {
            first.stop();
            second.stop();
        }
    }

    @Test
    void events_committed_by_a_process_killed_before_publishing_are_published_after_restart() {
        // given a service process that commits 50 events and is killed with SIGKILL before any relay ran
        ChildJvm service = ChildJvm.start("crashing-service", System.getProperty("java.class.path"), List.of(),
                AppendThenHang.class.getName(), List.of(Integer.toString(Infrastructure.postgres().port()),
                        tenant.toString(), "50"),
                Path.of("target", "tijdig-infrastructure", "crashing-service-" + UUID.randomUUID() + ".log"));
        service.awaitLine(AppendThenHang.COMMITTED, 0, WAIT);
        service.kill();
        assertThat(outboxRowsOfTenant()).isEqualTo(50);
        assertThat(TopicReader.read(TOPIC, r -> tenant.toString().equals(TopicReader.header(r, CloudEventsKafka.TENANT)),
                1, Duration.ofSeconds(2))).isEmpty();

        // when the service comes back (a new relay)
        OutboxRelay relay = relay("after-crash");
        relay.start();
        try {
            // then the 50 events are published
            assertThat(TopicReader.read(TOPIC, r -> tenant.toString().equals(TopicReader.header(r, CloudEventsKafka.TENANT)),
                    50, WAIT)).hasSize(50);
            await().atMost(WAIT).until(() -> outboxRowsOfTenant() == 0);
        } finally {
            relay.stop();
        }
    }

    private void appendRound(List<InvoiceId> invoices, int round) {
        for (InvoiceId invoice : invoices) {
            List<NewEvent> events = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = round * 20 + i;
                events.add(NewEvent.published(UUID.randomUUID(),
                        n == 0 ? Samples.issued(tenant, invoice) : Samples.credited(tenant, invoice, n)));
            }
            pool.withTransaction(tx -> store.append(tx, tenant, new StreamRef(invoice.value(), "invoice"), round * 20L, events))
                    .await().atMost(WAIT);
        }
    }

    private OutboxRelay relay(String name) {
        return new OutboxRelay(name, pool, OutboxRelay.producer(Infrastructure.kafka().bootstrapServers(), name, Map.of()),
                RelaySettings.DEFAULTS.withBatchSize(250));
    }

    private long outboxRowsOfTenant() {
        return pool.preparedQuery("SELECT count(*) FROM eventstore.outbox WHERE headers->>'ce_tenantid' = $1")
                .execute(Tuple.of(tenant.toString())).await().atMost(WAIT).iterator().next().getLong(0);
    }
}
