package nl.tijdig.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Pool pool;
    private final EventStore store = new EventStore(Clock.fixed(Samples.T, ZoneOffset.UTC));
    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final InvoiceId invoice = new InvoiceId(UUID.randomUUID());
    private final StreamRef stream = new StreamRef(invoice.value(), "invoice");

    @BeforeAll
    static void connect() {
        pool = Infrastructure.pool(4);
    }

    @AfterAll
    static void disconnect() {
        pool.closeAndAwait();
    }

    @Test
    void appended_events_load_in_order_and_only_public_ones_reach_the_outbox() {
        // given a new stream
        // when an issued invoice, an internal note and a credit are appended
        List<NewEvent> events = List.of(
                NewEvent.published(UUID.randomUUID(), Samples.issued(tenant, invoice)),
                NewEvent.internal(UUID.randomUUID(), "InvoiceNoteAdded", JsonNodeFactory.instance.objectNode().put("note", "gebeld"), Samples.T),
                NewEvent.published(UUID.randomUUID(), Samples.credited(tenant, invoice, 1)));
        EventStore.AppendResult result = inTransaction(tx -> store.append(tx, tenant, stream, 0, events));

        // then the stream is at version 3, the events load in order, and two outbox rows wait
        assertThat(result.version()).isEqualTo(3);
        List<RecordedEvent> loaded = store.load(pool, tenant, invoice.value()).await().atMost(WAIT);
        assertThat(loaded).extracting(RecordedEvent::version).containsExactly(1L, 2L, 3L);
        assertThat(loaded).extracting(RecordedEvent::type).containsExactly("nl.tijdig.invoice.InvoiceIssued.v1",
                "InvoiceNoteAdded", "nl.tijdig.invoice.InvoiceCredited.v1");
        assertThat(loaded.get(1).data().get("note").asText()).isEqualTo("gebeld");
        assertThat(pool.preparedQuery("SELECT DISTINCT jsonb_typeof(data) FROM eventstore.events WHERE stream_id = $1")
                .execute(Tuple.of(invoice.value())).await().atMost(WAIT).iterator().next().getString(0))
                .as("data is stored as a JSON object, queryable").isEqualTo("object");
        assertThat(loaded).allSatisfy(e -> assertThat(e.tenantId()).isEqualTo(tenant));
        assertThat(outboxEventIds()).contains(events.get(0).eventId(), events.get(2).eventId())
                .doesNotContain(events.get(1).eventId());
    }

    @Test
    void a_published_event_carries_the_trace_its_appender_is_in_unless_it_names_its_own() {
        // given a store whose caller is in a trace
        String current = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        EventStore traced = new EventStore(Clock.fixed(Samples.T, ZoneOffset.UTC), nl.tijdig.events.CloudEventsKafka.standard(),
                () -> new nl.tijdig.events.TraceContext(current, "tijdig=1"));
        String own = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        // when one event is appended as it is and one naming a trace of its own
        NewEvent plain = NewEvent.published(UUID.randomUUID(), Samples.issued(tenant, invoice));
        NewEvent named = new NewEvent.Published(UUID.randomUUID(), Samples.credited(tenant, invoice, 1),
                new nl.tijdig.events.TraceContext(own, null));
        inTransaction(tx -> traced.append(tx, tenant, stream, 0, List.of(plain, named)));

        // then the outbox headers carry the appender's trace on the first and its own on the second
        assertThat(outboxHeader(plain.eventId(), "traceparent")).isEqualTo(current);
        assertThat(outboxHeader(plain.eventId(), "tracestate")).isEqualTo("tijdig=1");
        assertThat(outboxHeader(named.eventId(), "traceparent")).isEqualTo(own);
    }

    private String outboxHeader(UUID eventId, String header) {
        return pool.preparedQuery("SELECT headers->>$2 FROM eventstore.outbox WHERE event_id = $1")
                .execute(Tuple.of(eventId, header)).await().atMost(WAIT).iterator().next().getString(0);
    }

    @Test
    void two_appends_at_the_same_expected_version_in_overlapping_transactions_one_commits_one_conflicts() {
        // given two transactions on separate connections, both appending to a new stream
        SqlConnection first = pool.getConnection().await().atMost(WAIT);
        SqlConnection second = pool.getConnection().await().atMost(WAIT);
        try {
            first.query("BEGIN").execute().await().atMost(WAIT);
            second.query("BEGIN").execute().await().atMost(WAIT);
            store.append(first, tenant, stream, 0, List.of(NewEvent.published(UUID.randomUUID(), Samples.issued(tenant, invoice))))
                    .await().atMost(WAIT);

            // when the second appends at the same expected version (it waits on the first's lock) ...
            var secondAppend = store.append(second, tenant, stream, 0,
                    List.of(NewEvent.published(UUID.randomUUID(), Samples.issued(tenant, invoice)))).subscribeAsCompletionStage();
            // ... and the first commits
            first.query("COMMIT").execute().await().atMost(WAIT);

            // then the second gets the typed conflict, naming the version it found
            assertThatThrownBy(() -> secondAppend.get())
                    .hasCauseInstanceOf(ConcurrencyConflictException.class)
                    .hasMessageContaining("is at version 1, not at the expected version 0");
            second.query("ROLLBACK").execute().await().atMost(WAIT);
        } finally {
            first.closeAndAwait();
            second.closeAndAwait();
        }
        assertThat(store.load(pool, tenant, invoice.value()).await().atMost(WAIT)).hasSize(1);
    }

    @Test
    void a_stale_or_future_expected_version_conflicts_and_leaves_no_gap() {
        inTransaction(tx -> store.append(tx, tenant, stream, 0, List.of(
                NewEvent.published(UUID.randomUUID(), Samples.issued(tenant, invoice)),
                NewEvent.published(UUID.randomUUID(), Samples.credited(tenant, invoice, 1)))));

        assertThatThrownBy(() -> inTransaction(tx -> store.append(tx, tenant, stream, 1,
                List.of(NewEvent.published(UUID.randomUUID(), Samples.credited(tenant, invoice, 2))))))
                .isInstanceOf(ConcurrencyConflictException.class)
                .satisfies(e -> assertThat(((ConcurrencyConflictException) e).actualVersion()).isEqualTo(2));
        assertThatThrownBy(() -> inTransaction(tx -> store.append(tx, tenant, stream, 5,
                List.of(NewEvent.published(UUID.randomUUID(), Samples.credited(tenant, invoice, 2))))))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThat(store.version(pool, tenant, invoice.value()).await().atMost(WAIT)).isEqualTo(2);
    }

    @Test
    void another_tenant_sees_nothing_of_a_stream_and_cannot_append_to_it() {
        inTransaction(tx -> store.append(tx, tenant, stream, 0, List.of(
                NewEvent.published(UUID.randomUUID(), Samples.issued(tenant, invoice)))));
        TenantId other = new TenantId(UUID.randomUUID());

        assertThat(store.load(pool, other, invoice.value()).await().atMost(WAIT)).isEmpty();
        assertThat(store.version(pool, other, invoice.value()).await().atMost(WAIT)).isEqualTo(-1);
        assertThatThrownBy(() -> inTransaction(tx -> store.append(tx, other, stream, 1, List.of(
                NewEvent.internal(UUID.randomUUID(), "Probe", JsonNodeFactory.instance.objectNode(), Samples.T)))))
                .isInstanceOf(ConcurrencyConflictException.class)
                .hasMessageContaining("(none)");
        assertThatThrownBy(() -> inTransaction(tx -> store.append(tx, other, stream, 0, List.of(
                NewEvent.published(UUID.randomUUID(), Samples.issued(tenant, invoice))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot go to a stream of");
    }

    @Test
    void a_batch_over_many_streams_is_all_or_nothing() {
        // given one existing stream at version 1 and two new ones
        inTransaction(tx -> store.append(tx, tenant, stream, 0, List.of(
                NewEvent.published(UUID.randomUUID(), Samples.issued(tenant, invoice)))));
        InvoiceId second = new InvoiceId(UUID.randomUUID());
        InvoiceId third = new InvoiceId(UUID.randomUUID());
        List<EventStore.StreamAppend> batch = List.of(
                new EventStore.StreamAppend(new StreamRef(second.value(), "invoice"), 0,
                        List.of(NewEvent.published(UUID.randomUUID(), Samples.issued(tenant, second)))),
                new EventStore.StreamAppend(stream, 0, // stale: the stream is at 1
                        List.of(NewEvent.published(UUID.randomUUID(), Samples.credited(tenant, invoice, 1)))),
                new EventStore.StreamAppend(new StreamRef(third.value(), "invoice"), 0,
                        List.of(NewEvent.published(UUID.randomUUID(), Samples.issued(tenant, third)))));

        // when the batch is appended, then it conflicts on the stale stream and nothing of it remains
        assertThatThrownBy(() -> inTransaction(tx -> store.appendAll(tx, tenant, batch)))
                .isInstanceOf(ConcurrencyConflictException.class)
                .satisfies(e -> assertThat(((ConcurrencyConflictException) e).streamId()).isEqualTo(invoice.value()));
        assertThat(store.version(pool, tenant, second.value()).await().atMost(WAIT)).isEqualTo(-1);

        // and with the right expected version the whole batch goes in
        List<EventStore.StreamAppend> corrected = List.of(batch.get(0),
                new EventStore.StreamAppend(stream, 1, batch.get(1).events()), batch.get(2));
        List<EventStore.AppendResult> results = inTransaction(tx -> store.appendAll(tx, tenant, corrected));
        assertThat(results).extracting(EventStore.AppendResult::version).containsExactly(1L, 2L, 1L);
    }

    @Test
    void when_the_callers_transaction_fails_neither_events_nor_outbox_rows_remain() {
        UUID eventId = UUID.randomUUID();
        assertThatThrownBy(() -> inTransaction(tx -> store.append(tx, tenant, stream, 0,
                        List.of(NewEvent.published(eventId, Samples.issued(tenant, invoice))))
                .flatMap(appended -> Uni.createFrom().failure(new IllegalStateException("the caller's own write failed")))))
                .hasMessage("the caller's own write failed");

        assertThat(store.load(pool, tenant, invoice.value()).await().atMost(WAIT)).isEmpty();
        assertThat(outboxEventIds()).doesNotContain(eventId);
    }

    @Test
    void an_event_that_breaks_its_published_schema_is_never_appended_nor_published() {
        // given a debtor whose country is written "nl" (the schema wants ISO 3166 alpha-2 in capitals)
        nl.tijdig.kernel.DebtorId debtor = new nl.tijdig.kernel.DebtorId(invoice.value());
        nl.tijdig.events.DebtorRegistered broken = new nl.tijdig.events.DebtorRegistered(tenant, debtor,
                new nl.tijdig.events.DebtorDetails("CONSUMER", "J. Jansen", new nl.tijdig.events.PostalAddress(
                        "Kerkstraat 1", "1234 AB", "Utrecht", "nl"), null, null, null, "nl", null,
                        nl.tijdig.kernel.Segment.B2C, null), Samples.T);
        UUID eventId = UUID.randomUUID();

        // when it is appended, then the append fails naming the field, and nothing is stored or queued
        assertThatThrownBy(() -> inTransaction(tx -> store.append(tx, tenant, new StreamRef(debtor.value(), "debtor"), 0,
                List.of(NewEvent.published(eventId, broken)))))
                .isInstanceOf(nl.tijdig.events.EventSchemas.ContractViolation.class)
                .hasMessageContaining("DebtorRegistered").hasMessageContaining("/debtor/address/countryCode");
        assertThat(store.load(pool, tenant, debtor.value()).await().atMost(WAIT)).isEmpty();
        assertThat(outboxEventIds()).doesNotContain(eventId);
    }

    private <T> T inTransaction(java.util.function.Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work).await().atMost(WAIT);
    }

    private List<UUID> outboxEventIds() {
        return pool.preparedQuery("SELECT event_id FROM eventstore.outbox WHERE message_key = $1")
                .execute(Tuple.of(invoice.value().toString())).await().atMost(WAIT)
                .stream().map(row -> row.getUUID(0)).toList();
    }
}
