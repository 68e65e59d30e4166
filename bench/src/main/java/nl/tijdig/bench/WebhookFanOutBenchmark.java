package nl.tijdig.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.EventCatalogue;
import nl.tijdig.events.EventEnvelope;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.EventJson;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.events.TraceContext;
import nl.tijdig.eventstore.outbox.OutboxRelay;
import nl.tijdig.kernel.SecretBox;
import nl.tijdig.kernel.StandardWebhooks;
import nl.tijdig.testing.kafka.KafkaBroker;
import nl.tijdig.testing.postgres.PostgresServer;
import nl.tijdig.testing.service.ServiceProcess;
import org.apache.kafka.clients.producer.Producer;

/**
 * Webhook fan-out: events from Kafka to the tenants' endpoints through the packaged notification-service
 * ({@code notification-service/target/quarkus-app}, production profile, its own JVM) on a real PostgreSQL and
 * broker on this machine; the endpoints are a real HTTP server in this JVM that checks every signature.
 *
 * <p>{@code --tenants T} tenants (default 10) each have {@code --subscriptions S} subscriptions (default 2) to
 * PaymentReceived; {@code --events N} payments (default 20,000, the payment-service's contract example under new
 * ids, spread over the tenants) are published at once, so N × S deliveries are due. One more endpoint of the
 * first tenant answers only after 2 s ({@code --no-slow} leaves it out), to show that a slow endpoint holds back
 * only its own deliveries. Measured: from the first event published until the last prompt delivery received
 * (each once, signature valid), deliveries per second, the latency from publication to receipt, and the CPU of
 * service, PostgreSQL and Kafka. {@code --smoke}: 300 events.
 */
public final class WebhookFanOutBenchmark {

    private static final Logger KAFKA_CLIENTS = Logger.getLogger("org.apache.kafka");
    private static final Duration WAIT = Duration.ofMinutes(30);
    private static final String TYPE = "nl.tijdig.payment.PaymentReceived.v1";

    private record Endpoint(UUID subscriptionId, UUID tenant, String secret, boolean slow) {
    }

    public static void main(String[] args) throws Exception {
        KAFKA_CLIENTS.setLevel(Level.WARNING);
        int events = 20_000;
        int tenants = 10;
        int perTenant = 2;
        boolean slow = true;
        boolean smoke = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Integer.parseInt(args[++i]);
                case "--tenants" -> tenants = Integer.parseInt(args[++i]);
                case "--subscriptions" -> perTenant = Integer.parseInt(args[++i]);
                case "--no-slow" -> slow = false;
                case "--smoke" -> {
                    smoke = true;
                    events = 300;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --events N, --tenants T, --subscriptions S, --no-slow, --smoke)");
            }
        }
        Path module = Path.of(System.getProperty("tijdig.root", "..")).resolve("notification-service");
        if (!Files.isRegularFile(module.resolve("target/quarkus-app/quarkus-run.jar"))) {
            throw new IllegalStateException("no packaged notification-service at " + module.toAbsolutePath()
                    + "/target/quarkus-app: run ./mvnw install -DskipTests first");
        }
        System.out.printf("Webhook fan-out benchmark%s: %,d events, %d tenants × %d subscriptions%s; %d cores, JDK %s%n",
                smoke ? " (smoke)" : "", events, tenants, perTenant, slow ? " + 1 slow endpoint (2 s)" : "",
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        String key = SecretBox.newKey();
        SecretBox box = new SecretBox(List.of(key));

        // the endpoints: one HTTP server, a path per subscription; every signature is checked
        Map<UUID, Endpoint> endpoints = new LinkedHashMap<>();
        List<UUID> tenantIds = new ArrayList<>();
        for (int t = 0; t < tenants; t++) {
            UUID tenant = UUID.randomUUID();
            tenantIds.add(tenant);
            for (int s = 0; s < perTenant + (slow && t == 0 ? 1 : 0); s++) {
                UUID id = UUID.randomUUID();
                endpoints.put(id, new Endpoint(id, tenant, StandardWebhooks.newSecret(), s == perTenant));
            }
        }
        Map<UUID, Set<String>> received = new ConcurrentHashMap<>();
        Map<String, Long> publishedAt = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger badSignatures = new AtomicInteger();
        AtomicInteger slowAnswered = new AtomicInteger();
        AtomicInteger promptRequests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/s/", exchange -> {
            long now = System.nanoTime();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Endpoint endpoint = endpoints.get(UUID.fromString(exchange.getRequestURI().getPath().substring(3)));
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            requests.incrementAndGet();
            if (!StandardWebhooks.verify(List.of(endpoint.secret()), id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, Instant.now(), Duration.ofMinutes(5))) {
                badSignatures.incrementAndGet();
            }
            if (endpoint.slow()) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                slowAnswered.incrementAndGet();
            } else if (promptRequests.incrementAndGet() > 0 && received.computeIfAbsent(endpoint.subscriptionId(), k -> ConcurrentHashMap.newKeySet()).add(id)) {
                Long sent = publishedAt.get(id);
                if (sent != null) {
                    latencies.add(now - sent);
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/s/";

        System.out.println("Starting Kafka and PostgreSQL...");
        CompletableFuture<KafkaBroker> brokerStart = CompletableFuture.supplyAsync(KafkaBroker::startNew);
        Vertx vertx = Vertx.vertx();
        try (PostgresServer postgres = PostgresServer.startNewDurable(); KafkaBroker broker = brokerStart.join()) {
            postgres.createDatabase("notification");
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("quarkus.datasource.reactive.url", postgres.reactiveUrl("notification"));
            properties.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl("notification"));
            properties.put("quarkus.datasource.username", "notification");
            properties.put("quarkus.datasource.password", "notification");
            properties.put("kafka.bootstrap.servers", broker.bootstrapServers());
            properties.put("quarkus.oidc.tenant-enabled", "false"); // subscriptions are written below: no REST call
            properties.put("quarkus.mailer.port", String.valueOf(nl.tijdig.testing.process.Ports.free()));
            properties.put("tijdig.notification.webhooks.secret-keys", key);
            properties.put("tijdig.notification.webhooks.require-https", "false"); // the endpoints are on this machine
            properties.put("tijdig.notification.webhooks.allow-loopback", "true");
            try (ServiceProcess service = ServiceProcess.startNew("notification-service", module, properties,
                    List.of("-Xmx512m", "-XX:+UseParallelGC"))) {
                Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
                        .connectingTo(new PgConnectOptions().setHost("localhost").setPort(postgres.port()).setDatabase("notification")
                                .setUser("notification").setPassword("notification"))
                        .using(vertx).build();
                // the subscriptions, as POST /webhook-subscriptions stores them (the secret sealed under the service's key)
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                List<Tuple> rows = new ArrayList<>();
                for (Endpoint e : endpoints.values()) {
                    rows.add(Tuple.tuple(Arrays.asList(e.subscriptionId(), e.tenant(), base + e.subscriptionId(),
                            new String[] {TYPE}, io.vertx.core.buffer.Buffer.buffer(box.seal(e.secret().getBytes(StandardCharsets.UTF_8))), now)));
                }
                pool.preparedQuery("INSERT INTO webhook_subscriptions (subscription_id, tenant_id, url, event_types, secret, status, "
                        + "created_at, created_by, updated_at) VALUES ($1, $2, $3, $4, $5, 'ACTIVE', $6, 'benchmark', $6)")
                        .executeBatch(rows).await().atMost(Duration.ofMinutes(1));

                List<nl.tijdig.testing.process.SupervisedServer> parts = List.of(service, postgres, broker);
                double[] cpuBefore = DunningDailyRunBenchmark.cpuSeconds(parts);
                ObjectNode example = (ObjectNode) EventExamples.tree(EventCatalogue.standard().of(PaymentReceived.class));
                long start = System.nanoTime();
                try (Producer<String, byte[]> producer = OutboxRelay.producer(broker.bootstrapServers(), "benchmark", Map.of())) {
                    for (int i = 0; i < events; i++) {
                        ObjectNode tree = example.deepCopy();
                        tree.put("tenantId", tenantIds.get(i % tenants).toString());
                        tree.put("paymentId", UUID.randomUUID().toString());
                        PaymentReceived payment = EventJson.mapper().treeToValue(tree, PaymentReceived.class);
                        UUID id = UUID.randomUUID();
                        publishedAt.put(id.toString(), System.nanoTime());
                        producer.send(CloudEventsKafka.toProducerRecord(CloudEventsKafka.standard().encode(
                                EventEnvelope.of(id, payment, 1, TraceContext.NONE))));
                    }
                    producer.flush();
                }
                long published = System.nanoTime();
                long expected = (long) events * perTenant;
                long deadline = start + WAIT.toNanos();
                long lastShown = start;
                while (promptReceived(received) < expected) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("only " + promptReceived(received) + " of " + expected + " deliveries after "
                                + WAIT + "\n" + service.log());
                    }
                    if (System.nanoTime() - lastShown > 5_000_000_000L) {
                        System.out.printf(Locale.ROOT, "  %,d of %,d deliveries received%n", promptReceived(received), expected);
                        lastShown = System.nanoTime();
                    }
                    Thread.sleep(20);
                }
                long done = System.nanoTime();
                double[] cpu = DunningDailyRunBenchmark.cpuSeconds(parts);
                int slowDuring = slowAnswered.get();
                pool.closeAndAwait();

                double seconds = (done - start) / 1e9;
                long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
                long duplicates = promptRequests.get() - expected;
                System.out.println();
                System.out.printf(Locale.ROOT, "Published %,d events in %.1f s; %,d requests, %d with an invalid signature; "
                        + "%d sent twice; the slow endpoint answered %d meanwhile (4 at a time, 2 s each)%n", events,
                        (published - start) / 1e9, requests.get(), badSignatures.get(), duplicates, slowDuring);
                System.out.printf(Locale.ROOT, "CPU from the first event until the last delivery: service %.1f s, PostgreSQL %.1f s, "
                        + "Kafka %.1f s (%.2f ms per delivery in all)%n", cpu[0] - cpuBefore[0], cpu[1] - cpuBefore[1],
                        cpu[2] - cpuBefore[2], 1000 * (cpu[0] + cpu[1] + cpu[2] - cpuBefore[0] - cpuBefore[1] - cpuBefore[2]) / expected);
                System.out.println();
                System.out.println("| events | deliveries | first event to last delivery | deliveries/s | latency p50 | p95 | p99 | max |");
                System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
                System.out.printf(Locale.ROOT, "| %,d | %,d | %.1f s | %,.0f | %.2f s | %.2f s | %.2f s | %.2f s |%n", events, expected,
                        seconds, expected / seconds, pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99), pct(sorted, 1.0));
                if (badSignatures.get() > 0) {
                    throw new IllegalStateException(badSignatures.get() + " deliveries with an invalid signature");
                }
            }
        } finally {
            server.stop(0);
            vertx.closeAndAwait();
        }
    }

    private static long promptReceived(Map<UUID, Set<String>> received) {
        return received.values().stream().mapToLong(Set::size).sum();
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e9;
    }
}
