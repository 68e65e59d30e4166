package nl.tijdig.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.tijdig.eventstore.projection.Projection;
import nl.tijdig.eventstore.projection.ProjectionRunner;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProjectionRunnerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static Pool pool;
    private final Clock clock = Clock.fixed(Samples.T, ZoneOffset.UTC);
    private final EventStore store = new EventStore(clock);
    private final TenantId tenant = new TenantId(UUID.randomUUID());

    @BeforeAll
    static void connect() {
        pool = Infrastructure.pool(12);
        pool.query("CREATE TABLE IF NOT EXISTS projected (projection text, event_id uuid, stream_id uuid, version bigint, "
                + "applied_as bigint, PRIMARY KEY (projection, event_id))").execute().await().atMost(WAIT);
    }

    @AfterAll
    static void disconnect() {
        pool.closeAndAwait();
    }

    /** A read model of the test's tenant: one row per event, numbered in the order applied. */
    private Projection projection(String name) {
        return new Projection() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Uni<Void> apply(SqlConnection tx, RecordedEvent event) {
                if (!event.tenantId().equals(tenant)) {
                    return Uni.createFrom().voidItem();
                }
                return tx.preparedQuery("INSERT INTO projected (projection, event_id, stream_id, version, applied_as) "
                                + "SELECT $1, $2, $3, $4, count(*) + 1 FROM projected WHERE projection = $1")
                        .execute(Tuple.of(name, event.eventId(), event.streamId(), event.version())).replaceWithVoid();
            }

            @Override
            public Uni<Void> reset(SqlConnection tx) {
                return tx.preparedQuery("DELETE FROM projected WHERE projection = $1").execute(Tuple.of(name)).replaceWithVoid();
            }
        };
    }

    @Test
    void an_event_committed_after_one_with_a_higher_position_is_not_skipped() {
        String name = "out-of-order-" + UUID.randomUUID();
        ProjectionRunner runner = new ProjectionRunner(pool, projection(name), 100, clock);
        runner.catchUp();
        InvoiceId a = new InvoiceId(UUID.randomUUID());
        InvoiceId b = new InvoiceId(UUID.randomUUID());
        SqlConnection first = pool.getConnection().await().atMost(WAIT);
        try {
            // given transaction A appends (taking the lower position) and stays open
            first.query("BEGIN").execute().await().atMost(WAIT);
            store.append(first, tenant, new StreamRef(a.value(), "invoice"), 0,
                    List.of(NewEvent.published(UUID.randomUUID(), Samples.issued(tenant, a)))).await().atMost(WAIT);
            // and transaction B appends after it (a higher position) and commits first
            pool.withTransaction(tx -> store.append(tx, tenant, new StreamRef(b.value(), "invoice"), 0,
                    List.of(NewEvent.published(UUID.randomUUID(), Samples.issued(tenant, b))))).await().atMost(WAIT);

            // when the projection runs while A is open
            runner.catchUp();

            // then it has not moved past A: it waits rather than skip
            assertThat(projectedStreams(name)).isEmpty();

            // when A commits and the projection runs again
            first.query("COMMIT").execute().await().atMost(WAIT);
            runner.catchUp();
        } finally {
            first.closeAndAwait();
        }

        // then both are there, A first (commit order of the transactions' start)
        assertThat(projectedStreams(name)).containsExactly(a.value(), b.value());
    }

    @Test
    void concurrent_writers_with_random_commit_delays_lose_nothing_and_a_rebuild_gives_the_same_result() throws Exception {
        String name = "concurrent-" + UUID.randomUUID();
        ProjectionRunner runner = new ProjectionRunner(pool, projection(name), 50, clock);
        int writers = 8;
        int appendsEach = 40;
        ExecutorService executor = Executors.newFixedThreadPool(writers + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            // given 8 writers appending in transactions that stay open a random while before they commit
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                Random random = new Random(w);
                done.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < appendsEach; i++) {
                        InvoiceId invoice = new InvoiceId(UUID.randomUUID());
                        int delay = 1 + random.nextInt(15);
                        pool.withTransaction(tx -> store.append(tx, tenant, new StreamRef(invoice.value(), "invoice"), 0,
                                        List.of(NewEvent.published(UUID.randomUUID(), Samples.issued(tenant, invoice)),
                                                NewEvent.published(UUID.randomUUID(), Samples.credited(tenant, invoice, 1))))
                                .onItem().delayIt().by(Duration.ofMillis(delay)))
                                .await().atMost(WAIT);
                    }
                }, executor));
            }
            // and the projection running all the while
            CompletableFuture<Void> projecting = CompletableFuture.runAsync(() -> {
                while (writing.get()) {
                    runner.runOnce();
                }
            }, executor);

            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
            writing.set(false);
            projecting.get();
            // when it catches up after the last commit
            runner.catchUp();
        } finally {
            executor.shutdownNow();
        }

        // then every event was applied exactly once, each stream's events in order
        int total = writers * appendsEach * 2;
        List<String> first = rows(name);
        assertThat(first).hasSize(total);
        assertThat(rowCount(name)).isEqualTo(total);
        assertThat(versionsInOrderPerStream(name)).isTrue();

        // when the projection is rebuilt from scratch
        long reapplied = runner.rebuild();

        // then the result is identical, row for row
        assertThat(reapplied).isGreaterThanOrEqualTo(total);
        assertThat(rows(name)).isEqualTo(first);
    }

    private List<UUID> projectedStreams(String name) {
        return pool.preparedQuery("SELECT stream_id FROM projected WHERE projection = $1 ORDER BY applied_as")
                .execute(Tuple.of(name)).await().atMost(WAIT).stream().map(r -> r.getUUID(0)).toList();
    }

    private List<String> rows(String name) {
        return pool.preparedQuery("SELECT event_id, stream_id, version, applied_as FROM projected WHERE projection = $1 "
                        + "ORDER BY applied_as").execute(Tuple.of(name)).await().atMost(WAIT).stream()
                .map(r -> r.getUUID(0) + "/" + r.getUUID(1) + "/" + r.getLong(2) + "/" + r.getLong(3)).toList();
    }

    private long rowCount(String name) {
        return pool.preparedQuery("SELECT count(DISTINCT event_id) FROM projected WHERE projection = $1")
                .execute(Tuple.of(name)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    private boolean versionsInOrderPerStream(String name) {
        return pool.preparedQuery("SELECT bool_and(ok) FROM (SELECT version > coalesce(lag(version) OVER w, 0) AS ok "
                        + "FROM projected WHERE projection = $1 WINDOW w AS (PARTITION BY stream_id ORDER BY applied_as)) t")
                .execute(Tuple.of(name)).await().atMost(WAIT).iterator().next().getBoolean(0);
    }
}
