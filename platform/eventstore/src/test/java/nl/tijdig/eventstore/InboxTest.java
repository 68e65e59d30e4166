package nl.tijdig.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.tijdig.events.EventEnvelope;
import nl.tijdig.eventstore.inbox.EventHandler;
import nl.tijdig.eventstore.inbox.Inbox;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InboxTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Pool pool;
    private final Inbox inbox = new Inbox(Clock.fixed(Samples.T, ZoneOffset.UTC));
    private final TenantId tenant = new TenantId(UUID.randomUUID());

    @BeforeAll
    static void connect() {
        pool = Infrastructure.pool(2);
    }

    @AfterAll
    static void disconnect() {
        pool.closeAndAwait();
    }

    @Test
    void given_a_batch_with_a_handled_event_and_one_event_twice_when_it_is_handled_then_each_new_event_runs_once_in_order() {
        // given three events, the first handled before
        EventEnvelope first = event();
        EventEnvelope second = event();
        EventEnvelope third = event();
        String consumer = "inbox-test-" + UUID.randomUUID();
        List<UUID> ran = new CopyOnWriteArrayList<>();
        EventHandler handler = (tx, event) -> {
            ran.add(event.id());
            return Uni.createFrom().voidItem();
        };
        pool.withTransaction(tx -> inbox.handleOnce(tx, consumer, first, handler)).await().atMost(WAIT);
        ran.clear();

        // when a batch holds the first again, the second, the third, and the second once more (published twice)
        long count = pool.withTransaction(tx -> inbox.handleAllOnce(tx, consumer, List.of(first, second, third, second), handler))
                .await().atMost(WAIT);

        // then the second and the third ran, once each and in order; and a repeat of the batch runs nothing
        assertThat(count).isEqualTo(2);
        assertThat(ran).containsExactly(second.id(), third.id());
        ran.clear();
        long again = pool.withTransaction(tx -> inbox.handleAllOnce(tx, consumer, List.of(first, second, third), handler))
                .await().atMost(WAIT);
        assertThat(again).isZero();
        assertThat(ran).isEmpty();
    }

    @Test
    void given_a_batch_whose_handler_fails_when_the_transaction_rolls_back_then_no_event_counts_as_handled() {
        // given two events and a handler that fails on the second
        EventEnvelope first = event();
        EventEnvelope second = event();
        String consumer = "inbox-test-" + UUID.randomUUID();
        EventHandler failing = (tx, event) -> event.id().equals(second.id())
                ? Uni.createFrom().failure(new IllegalStateException("cannot"))
                : Uni.createFrom().voidItem();

        // when the batch is handled and fails
        try {
            pool.withTransaction(tx -> inbox.handleAllOnce(tx, consumer, List.of(first, second), failing)).await().atMost(WAIT);
        } catch (IllegalStateException expected) {
            // the batch failed
        }

        // then both run again next time
        List<UUID> ran = new CopyOnWriteArrayList<>();
        long count = pool.withTransaction(tx -> inbox.handleAllOnce(tx, consumer, List.of(first, second), (t, e) -> {
            ran.add(e.id());
            return Uni.createFrom().voidItem();
        })).await().atMost(WAIT);
        assertThat(count).isEqualTo(2);
        assertThat(ran).containsExactly(first.id(), second.id());
    }

    private EventEnvelope event() {
        return EventEnvelope.of(UUID.randomUUID(), Samples.issued(tenant, new InvoiceId(UUID.randomUUID())), 1, null);
    }
}
