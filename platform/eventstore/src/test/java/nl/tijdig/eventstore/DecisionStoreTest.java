package nl.tijdig.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.InvoiceCredited;
import nl.tijdig.events.InvoiceEvent;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.kernel.Decider;
import nl.tijdig.kernel.Decision;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DecisionStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Pool pool;

    /** A small decider: an invoice is issued once, and credited only once it is issued (its state: credits, -1 unissued). */
    private static final Decider<Object, Integer, InvoiceEvent> CREDITS = new Decider<>() {
        @Override
        public Integer initialState() {
            return -1; // not issued
        }

        @Override
        public Decision<InvoiceEvent> decide(Object command, Integer credits) {
            return switch (command) {
                case InvoiceIssued issue -> credits < 0 ? Decision.decided(issue) : Decision.decided();
                case InvoiceCredited credit -> credits < 0 ? Decision.refused("invoiceId", "is not issued")
                        : Decision.decided(credit);
                default -> throw new IllegalArgumentException();
            };
        }

        @Override
        public Integer evolve(Integer credits, InvoiceEvent event) {
            return event instanceof InvoiceIssued ? 0 : credits + 1;
        }
    };

    private final EventStore events = new EventStore(Clock.fixed(Samples.T, ZoneOffset.UTC));
    private final DecisionStore<Object, Integer, InvoiceEvent> store = new DecisionStore<>(events, UUID::randomUUID,
            "invoice", CREDITS, InvoiceEvent.class);
    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final InvoiceId invoice = new InvoiceId(UUID.randomUUID());

    @BeforeAll
    static void connect() {
        pool = Infrastructure.pool(4);
    }

    @AfterAll
    static void disconnect() {
        pool.closeAndAwait();
    }

    @Test
    void a_refused_command_appends_nothing_and_a_decided_one_appends_its_events_after_the_stream() {
        // given a stream without events
        // when a credit is asked before the invoice is issued
        DecisionStore.Outcome<Integer, InvoiceEvent> refused = inTransaction(tx -> store.handle(tx, tenant, invoice.value(),
                Samples.credited(tenant, invoice, 1)));

        // then it is refused on its field and the stream stays empty
        assertThat(refused.refused()).isTrue();
        assertThat(((Decision.Refused<InvoiceEvent>) refused.decision()).violations()).extracting(v -> v.field())
                .containsExactly("invoiceId");
        assertThat(events.load(pool, tenant, invoice.value()).await().atMost(WAIT)).isEmpty();

        // when the invoice is issued, issued again (nothing to do) and credited twice
        inTransaction(tx -> store.handle(tx, tenant, invoice.value(), Samples.issued(tenant, invoice)));
        DecisionStore.Outcome<Integer, InvoiceEvent> again = inTransaction(tx -> store.handle(tx, tenant, invoice.value(),
                Samples.issued(tenant, invoice)));
        inTransaction(tx -> store.handle(tx, tenant, invoice.value(), Samples.credited(tenant, invoice, 1)));
        DecisionStore.Outcome<Integer, InvoiceEvent> second = inTransaction(tx -> store.handle(tx, tenant, invoice.value(),
                Samples.credited(tenant, invoice, 2)));

        // then the second issue changed nothing, and the state folds from the stream of three events
        assertThat(again.events()).isEmpty();
        assertThat(second.before()).isEqualTo(1);
        assertThat(second.after()).isEqualTo(2);
        assertThat(second.version()).isEqualTo(3);
        assertThat(store.load(pool, tenant, invoice.value()).await().atMost(WAIT)).isEqualTo(2);
        assertThat(events.load(pool, tenant, invoice.value()).await().atMost(WAIT)).extracting(RecordedEvent::type)
                .containsExactly("nl.tijdig.invoice.InvoiceIssued.v1", "nl.tijdig.invoice.InvoiceCredited.v1",
                        "nl.tijdig.invoice.InvoiceCredited.v1");
    }

    @Test
    void a_recorded_fact_goes_to_the_end_of_its_stream_whatever_its_version() {
        // given an issued and credited invoice
        inTransaction(tx -> store.handle(tx, tenant, invoice.value(), Samples.issued(tenant, invoice)));
        inTransaction(tx -> store.handle(tx, tenant, invoice.value(), Samples.credited(tenant, invoice, 1)));

        // when a credit is recorded without reading the stream first
        inTransaction(tx -> DecisionStore.record(events, UUID::randomUUID, tx, tenant, new StreamRef(invoice.value(), "invoice"),
                List.of(Samples.credited(tenant, invoice, 2))).replaceWith(0));

        // then it is the third event and the state counts it
        assertThat(events.version(pool, tenant, invoice.value()).await().atMost(WAIT)).isEqualTo(3);
        assertThat(store.load(pool, tenant, invoice.value()).await().atMost(WAIT)).isEqualTo(2);
    }

    private <T> T inTransaction(java.util.function.Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work).await().atMost(WAIT);
    }
}
