package nl.tijdig.bench;

import nl.tijdig.kernel.Segment;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.tijdig.events.DebtorSnapshot;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.PublicEvent;

import nl.tijdig.eventstore.EventStore;
import nl.tijdig.eventstore.NewEvent;
import nl.tijdig.eventstore.StreamRef;
import nl.tijdig.eventstore.outbox.OutboxRelay;
import nl.tijdig.eventstore.outbox.RelaySettings;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.testing.kafka.KafkaBroker;
import nl.tijdig.testing.postgres.PostgresServer;
import org.flywaydb.core.Flyway;

/**
 * Appended-and-published events per second through the event store and the outbox relay, against a
 * real Kafka broker and a real PostgreSQL on this machine. Each event is one invoice issued (a new
 * stream). For each batch size (invoices per appending transaction, through {@code appendAll}: 1, 10,
 * 100), writers append N events in all; the figure "end to end" is N divided by
 * the time from the first append until the relay has published the last event to Kafka
 * ({@code acks=all}) and deleted its outbox row. "append" is N divided by the time the appends alone
 * took. Arguments: {@code --events N} (per batch size, default 30000), {@code --writers W} (default 4),
 * {@code --smoke} (3000 events: a quick check, not a measurement).
 */
public final class EventBackboneBenchmark {

    private static final Logger KAFKA_CLIENTS = Logger.getLogger("org.apache.kafka");
    private static final Duration WAIT = Duration.ofMinutes(5);

    public static void main(String[] args) throws Exception {
        KAFKA_CLIENTS.setLevel(Level.WARNING);
        int events = 30_000;
        int writers = 4;
        boolean smoke = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Integer.parseInt(args[++i]);
                case "--writers" -> writers = Integer.parseInt(args[++i]);
                case "--smoke" -> {
                    smoke = true;
                    events = 3_000;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --events N, --writers W, --smoke)");
            }
        }
        System.out.printf("Event backbone benchmark%s: %d events per batch size, %d writers; %d cores, JDK %s%n",
                smoke ? " (smoke)" : "", events, writers, Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        System.out.println("Starting Kafka and PostgreSQL...");
        CompletableFuture<KafkaBroker> brokerStart = CompletableFuture.supplyAsync(KafkaBroker::startNew);
        try (PostgresServer postgres = PostgresServer.startNewDurable(); KafkaBroker broker = brokerStart.join()) {
            postgres.createDatabase("bench");
            Flyway.configure().dataSource(postgres.jdbcUrl("bench"), "bench", "bench").locations("classpath:db/migration")
                    .load().migrate();
            Vertx vertx = Vertx.vertx();
            Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(writers + 2))
                    .connectingTo(new PgConnectOptions().setHost("localhost").setPort(postgres.port()).setDatabase("bench")
                            .setUser("bench").setPassword("bench").setCachePreparedStatements(true))
                    .using(vertx).build();
            run(pool, broker, Math.min(events, 2_000), writers, 10, false); // warm-up, not reported
            System.out.println();
            System.out.println("| batch size | events | append (events/s) | end to end (events/s) |");
            System.out.println("|---:|---:|---:|---:|");
            for (int batch : new int[] {1, 10, 100}) {
                Result result = run(pool, broker, events, writers, batch, true);
                System.out.printf(Locale.ROOT, "| %d | %d | %,.0f | %,.0f |%n", batch, result.events(),
                        result.appendRate(), result.endToEndRate());
            }
            pool.closeAndAwait();
            vertx.closeAndAwait();
        }
        System.out.printf("Heap used at the end: %d MB%n",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024));
    }

    record Result(int events, double appendRate, double endToEndRate) {
    }

    private static Result run(Pool pool, KafkaBroker broker, int events, int writers, int batch, boolean report)
            throws Exception {
        TenantId tenant = new TenantId(UUID.randomUUID());
        EventStore store = new EventStore(Clock.systemUTC());
        int transactions = Math.max(1, events / batch);
        int total = transactions * batch;
        AtomicInteger next = new AtomicInteger();
        try (OutboxRelay relay = new OutboxRelay("bench", pool,
                OutboxRelay.producer(broker.bootstrapServers(), "bench-relay", Map.of()),
                RelaySettings.DEFAULTS.withBatchSize(1000))) {
            relay.start();
            ExecutorService executor = Executors.newFixedThreadPool(writers);
            long start = System.nanoTime();
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(CompletableFuture.runAsync(() -> {
                    while (next.getAndIncrement() < transactions) {
                        List<EventStore.StreamAppend> invoices = new ArrayList<>(batch);
                        for (int i = 0; i < batch; i++) {
                            InvoiceId invoice = new InvoiceId(UUID.randomUUID());
                            invoices.add(new EventStore.StreamAppend(new StreamRef(invoice.value(), "invoice"), 0,
                                    List.of(NewEvent.published(UUID.randomUUID(), issued(tenant, invoice)))));
                        }
                        pool.withTransaction(tx -> store.appendAll(tx, tenant, invoices)).await().atMost(WAIT);
                    }
                }, executor));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
            long appended = System.nanoTime();
            executor.shutdown();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (relay.publishedCount() < total) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + relay.publishedCount() + " of " + total + " published");
                }
                Thread.sleep(2);
            }
            long published = System.nanoTime();
            return new Result(total, total / seconds(start, appended), total / seconds(start, published));
        }
    }

    /** One invoice issued: a new stream with one event, as a batch import of invoices makes them. */
    private static PublicEvent issued(TenantId tenant, InvoiceId invoice) {
        return new InvoiceIssued(tenant, invoice, "B-" + invoice.value().toString().substring(0, 13),
                new DebtorSnapshot(new DebtorId(UUID.randomUUID()), "Bakkerij De Gouden Korst B.V.", Segment.B2B, "nl"),
                LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 23), Money.eur("1000.00"), Money.eur("210.00"),
                Money.eur("1210.00"), "5000056789012345", Instant.now());
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
