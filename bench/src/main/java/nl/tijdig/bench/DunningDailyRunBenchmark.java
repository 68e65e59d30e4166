package nl.tijdig.bench;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.CreditorProfileUpdated;
import nl.tijdig.events.DebtorDetails;
import nl.tijdig.events.DebtorRegistered;
import nl.tijdig.events.DebtorSnapshot;
import nl.tijdig.events.EventEnvelope;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.PublicEvent;
import nl.tijdig.events.TraceContext;
import nl.tijdig.eventstore.outbox.OutboxRelay;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.testing.kafka.KafkaBroker;
import nl.tijdig.testing.postgres.PostgresServer;
import nl.tijdig.testing.service.ServiceProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;

/**
 * The dunning-service's daily run over many open cases, with every event it publishes on Kafka: the
 * packaged service ({@code dunning-service/target/quarkus-app}) in its own JVM, on a real PostgreSQL and
 * broker on this machine.
 *
 * <p>Set-up: a template of cases comes in the way production's do — creditor profiles, debtors and
 * invoices published as the invoice-service's contracts, consumed by the service, which opens each case
 * with its policy. The service stops; the template is copied in SQL (new case, debtor, stream and event
 * ids; same tenants, dates and amounts) up to {@code --cases}. Due dates are spread over 80 days around
 * today so that about half of the cases have a step due. Then the service starts with its scheduler on;
 * its first run is measured: <b>run</b> = the run's own start to finish (table {@code dunning_runs}),
 * <b>end to end</b> = the run's start until its last event has left the outbox for Kafka, checked against
 * the topic's offsets. Arguments: {@code --cases N} (default 1,000,000), {@code --template T} (cases
 * published through Kafka, default 2,000), {@code --batch B} (debtors per transaction, the service's
 * default 200), {@code --workers W} (batches at once, the service's default 2), {@code --postgres-defaults} (leave PostgreSQL's memory and checkpoint settings at their defaults
 * instead of {@link #POSTGRES_SETTINGS}), {@code --heap H} (the service's -Xmx, default 1g), {@code --service-jvm "OPTIONS"} (more options for the measured
 * service's JVM, e.g. a flight recording), {@code --smoke} (2,000 cases).
 */
public final class DunningDailyRunBenchmark {

    private static final Logger KAFKA_CLIENTS = Logger.getLogger("org.apache.kafka");
    private static final String TOPIC = "tijdig.dunning.v1";
    private static final int TENANTS = 10;
    private static final double CASES_PER_DEBTOR = 2.5;
    private static final Duration WAIT = Duration.ofMinutes(30);

    public static void main(String[] args) throws Exception {
        KAFKA_CLIENTS.setLevel(Level.WARNING);
        int cases = 1_000_000;
        int template = 2_000;
        int batch = 200;
        String heap = "1g";
        boolean smoke = false;
        boolean tunedPostgres = true;
        int workers = 2;
        List<String> serviceJvm = new ArrayList<>();
        Path jfr = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cases" -> cases = Integer.parseInt(args[++i]);
                case "--template" -> template = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--heap" -> heap = args[++i];
                case "--postgres-defaults" -> tunedPostgres = false;
                case "--workers" -> workers = Integer.parseInt(args[++i]);
                case "--service-jvm" -> serviceJvm.addAll(List.of(args[++i].split(" ")));
                case "--jfr" -> jfr = Path.of(args[++i]).toAbsolutePath();
                case "--smoke" -> {
                    smoke = true;
                    cases = 2_000;
                    template = 400;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --cases N, --template T, --batch B, --workers W, --heap H, --service-jvm OPTIONS, --jfr FILE, "
                        + "--postgres-defaults, "
                        + "--smoke)");
            }
        }
        if (cases < template || cases % template != 0) {
            throw new IllegalArgumentException("--cases must be a multiple of --template (" + template + ")");
        }
        Path module = Path.of(System.getProperty("tijdig.root", "..")).resolve("dunning-service");
        if (!Files.isRegularFile(module.resolve("target/quarkus-app/quarkus-run.jar"))) {
            throw new IllegalStateException("no packaged dunning-service at " + module.toAbsolutePath()
                    + "/target/quarkus-app: run ./mvnw install -DskipTests first");
        }
        System.out.printf("Dunning daily-run benchmark%s: %,d cases (template %,d through Kafka), %d workers, batches of %d "
                + "debtors, service heap %s; %d cores, JDK %s%n", smoke ? " (smoke)" : "", cases, template, workers, batch, heap,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.println("Starting Kafka and PostgreSQL...");
        CompletableFuture<KafkaBroker> brokerStart = CompletableFuture.supplyAsync(KafkaBroker::startNew);
        Vertx vertx = Vertx.vertx();
        try (PostgresServer postgres = PostgresServer.startNewDurable(); KafkaBroker broker = brokerStart.join()) {
            postgres.createDatabase("dunning");
            if (tunedPostgres) {
                tune(postgres);
            }
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("quarkus.datasource.reactive.url", postgres.reactiveUrl("dunning"));
            properties.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl("dunning"));
            properties.put("quarkus.datasource.username", "dunning");
            properties.put("quarkus.datasource.password", "dunning");
            properties.put("kafka.bootstrap.servers", broker.bootstrapServers());
            properties.put("quarkus.oidc.tenant-enabled", "false"); // no REST call is made: no Keycloak needed
            properties.put("tijdig.dunning.scheduler.batch-size", String.valueOf(batch));
            properties.put("tijdig.dunning.scheduler.workers", String.valueOf(workers));
            List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+UseParallelGC"));
            List<String> measured = new ArrayList<>(jvm);
            measured.addAll(serviceJvm);
            if (jfr != null) {
                measured.add("-XX:StartFlightRecording=name=run,settings=profile");
            }

            LocalDate today = BusinessTime.today(java.time.Clock.systemUTC());
            long setUp = System.nanoTime();
            Map<String, String> intake = new LinkedHashMap<>(properties);
            intake.put("tijdig.dunning.scheduler.enabled", "false");
            int debtors = (int) Math.ceil(template / CASES_PER_DEBTOR);
            try (ServiceProcess service = ServiceProcess.startNew("dunning-service", module, intake, jvm)) {
                publishTemplate(broker, template, debtors, today);
                Pool pool = pool(vertx, postgres);
                awaitTemplate(pool, template, debtors, service);
                pool.closeAndAwait();
            }
            Pool pool = pool(vertx, postgres);
            copy(pool, cases / template);
            Row shape = one(pool, "SELECT count(*) AS cases, count(*) FILTER (WHERE next_action_on <= $1) AS due, "
                    + "count(DISTINCT (tenant_id, debtor_id)) AS debtors, "
                    + "(SELECT count(*) FROM dunning_debtors WHERE next_action_on <= $1) AS due_debtors, "
                    + "avg(octet_length(state::text))::int AS state_bytes FROM dunning_cases",
                    Tuple.of(today));
            System.out.printf("Set up in %.0f s: %,d open cases of %,d debtors (case state %,d bytes of JSON); due today: "
                    + "%,d cases of %,d debtors%n", seconds(setUp, System.nanoTime()), shape.getLong("cases"),
                    shape.getLong("debtors"), shape.getInteger("state_bytes"), shape.getLong("due"), shape.getLong("due_debtors"));

            long offsetsBefore = endOffsets(broker);
            StatementProfile.reset(postgres.jdbcUrl("postgres"));
            Map<String, String> running = new LinkedHashMap<>(properties);
            running.put("tijdig.dunning.scheduler.enabled", "true");
            running.put("tijdig.dunning.scheduler.every", "1s");
            try (ServiceProcess service = ServiceProcess.startNew("dunning-service", module, running, measured)) {
                List<nl.tijdig.testing.process.SupervisedServer> parts = List.of(service, postgres, broker);
                double[] cpuAtStart = awaitRunStart(pool, service, parts);
                Row run = awaitRun(pool, service);
                Instant started = run.getOffsetDateTime("started_at").toInstant();
                Instant finished = run.getOffsetDateTime("finished_at").toInstant();
                Instant drained = awaitOutboxEmpty(pool);
                double[] cpu = cpuSeconds(parts);
                if (jfr != null) {
                    dumpFlightRecording(service, jfr);
                }
                Map<String, Long> published = new LinkedHashMap<>();
                pool.preparedQuery("SELECT event_type, count(*) AS n FROM eventstore.events WHERE recorded_at >= $1 "
                                + "AND event_type LIKE 'nl.tijdig.%' GROUP BY event_type ORDER BY event_type")
                        .execute(Tuple.of(started.atOffset(java.time.ZoneOffset.UTC))).await().atMost(WAIT)
                        .forEach(r -> published.put(r.getString("event_type"), r.getLong("n")));
                long expected = published.values().stream().mapToLong(Long::longValue).sum();
                long onTopic = awaitOffsets(broker, offsetsBefore + expected) - offsetsBefore;
                if (onTopic != expected) {
                    throw new IllegalStateException(onTopic + " events on " + TOPIC + ", " + expected + " published");
                }
                double runSeconds = Duration.between(started, finished).toMillis() / 1000.0;
                double endToEnd = Duration.between(started, drained).toMillis() / 1000.0;
                System.out.println();
                System.out.println("Published: " + published.entrySet().stream()
                        .map(e -> e.getKey().replace("nl.tijdig.dunning.", "") + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                        .collect(Collectors.joining(", ")));
                System.out.printf(Locale.ROOT, "CPU from the first batch until drained: service %.1f s, PostgreSQL %.1f s, "
                        + "Kafka %.1f s (%.2f ms per due case in all)%n", cpu[0] - cpuAtStart[0], cpu[1] - cpuAtStart[1],
                        cpu[2] - cpuAtStart[2], 1000 * (cpu[0] + cpu[1] + cpu[2] - cpuAtStart[0] - cpuAtStart[1] - cpuAtStart[2])
                                / shape.getLong("due"));
                System.out.println();
                StatementProfile.take(postgres.jdbcUrl("postgres"), "the run", 12).forEach(System.out::println);
                System.out.println();
                System.out.println("| open cases | due cases | debtors dunned | letters | phone tasks | events on Kafka | run | end to end | due cases/s |");
                System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
                System.out.printf(Locale.ROOT, "| %,d | %,d | %,d | %,d | %,d | %,d | %.1f s | %.1f s | %,.0f |%n",
                        shape.getLong("cases"), shape.getLong("due"), run.getInteger("debtors"), run.getInteger("letters"),
                        run.getInteger("phone_calls"), onTopic, runSeconds, endToEnd, shape.getLong("due") / endToEnd);
            }
            pool.closeAndAwait();
        } finally {
            vertx.closeAndAwait();
        }
    }

    /** Writes the service's flight recording (where its CPU went during the run) to {@code file}, with jcmd. */
    private static void dumpFlightRecording(ServiceProcess service, Path file) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        for (ProcessHandle process : service.serverProcesses()) {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "JFR.dump", "name=run",
                    "filename=" + file).redirectErrorStream(true).start();
            String out = new String(dump.getInputStream().readAllBytes());
            if (dump.waitFor() == 0 && Files.exists(file) && Files.size(file) > 0) {
                System.out.println("Flight recording of the service: " + file + " (jfr view hot-methods " + file + ")");
                return;
            }
            System.out.println("jcmd " + process.pid() + ": " + out.strip());
        }
    }

    /** Server settings as a production database for this much data would have them (PostgreSQL restarted). */
    static final Map<String, String> POSTGRES_SETTINGS = Map.of("shared_buffers", "4GB", "max_wal_size", "8GB",
            "checkpoint_timeout", "30min");

    private static void tune(PostgresServer postgres) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(postgres.jdbcUrl("postgres"), PostgresServer.SUPERUSER, "");
                java.sql.Statement s = c.createStatement()) {
            for (Map.Entry<String, String> setting : POSTGRES_SETTINGS.entrySet()) {
                s.execute("ALTER SYSTEM SET " + setting.getKey() + " = '" + setting.getValue() + "'");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot tune PostgreSQL", e);
        }
        postgres.restart();
        System.out.println("PostgreSQL settings: " + new java.util.TreeMap<>(POSTGRES_SETTINGS));
    }

    private static Pool pool(Vertx vertx, PostgresServer postgres) {
        return PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
                .connectingTo(new PgConnectOptions().setHost("localhost").setPort(postgres.port()).setDatabase("dunning")
                        .setUser("dunning").setPassword("dunning").setCachePreparedStatements(true))
                .using(vertx).build();
    }

    /**
     * The template as the invoice-service publishes it: a creditor profile per tenant, debtors (seven in ten
     * businesses) and their invoices, due on days spread over today − 40 … today + 40.
     */
    private static void publishTemplate(KafkaBroker broker, int cases, int debtors, LocalDate today) throws Exception {
        Random random = new Random(20261123);
        CreditorProfileUpdated profile = EventExamples.event(CreditorProfileUpdated.class);
        DebtorDetails details = EventExamples.event(DebtorRegistered.class).debtor();
        List<TenantId> tenants = new ArrayList<>();
        List<PublicEvent> events = new ArrayList<>();
        for (int t = 0; t < TENANTS; t++) {
            TenantId tenant = new TenantId(UUID.randomUUID());
            tenants.add(tenant);
            events.add(new CreditorProfileUpdated(tenant, profile.creditor(), profile.logoUrl(), profile.footer(),
                    profile.b2bTermDays(), profile.b2cTermDays(), profile.invoiceSeries(), Instant.now()));
        }
        List<DebtorSnapshot> snapshots = new ArrayList<>();
        List<TenantId> owners = new ArrayList<>();
        for (int d = 0; d < debtors; d++) {
            TenantId tenant = tenants.get(d % TENANTS);
            Segment segment = random.nextInt(10) < 7 ? Segment.B2B : Segment.B2C;
            DebtorId id = new DebtorId(UUID.randomUUID());
            String name = (segment == Segment.B2B ? "Debiteur B.V. " : "J. de Vries ") + d;
            events.add(new DebtorRegistered(tenant, id, new DebtorDetails(segment == Segment.B2B ? "BUSINESS" : "CONSUMER",
                    name, details.address(), segment == Segment.B2B ? details.kvkNumber() : null, null, details.email(),
                    details.language(), details.iban(), segment, null), Instant.now()));
            snapshots.add(new DebtorSnapshot(id, name, segment, "nl"));
            owners.add(tenant);
        }
        for (int c = 0; c < cases; c++) {
            int d = c % debtors;
            LocalDate due = today.plusDays(random.nextInt(81) - 40);
            Money incl = Money.eur(new BigDecimal(50 + random.nextInt(4950)).add(new BigDecimal(random.nextInt(100)).movePointLeft(2)));
            Money excl = Money.of(incl.amount().divide(new BigDecimal("1.21"), 2, RoundingMode.HALF_UP), incl.currency());
            events.add(new InvoiceIssued(owners.get(d), new InvoiceId(UUID.randomUUID()), "F" + (100000 + c), snapshots.get(d),
                    due.minusDays(30), due, excl, incl.minus(excl), incl, String.format("%016d", 1000000000000000L + c),
                    Instant.now()));
        }
        try (Producer<String, byte[]> producer = OutboxRelay.producer(broker.bootstrapServers(), "bench-invoices", Map.of())) {
            for (PublicEvent event : events) {
                producer.send(CloudEventsKafka.toProducerRecord(CloudEventsKafka.standard().encode(
                        EventEnvelope.of(UUID.randomUUID(), event, 1, TraceContext.NONE))));
            }
            producer.flush();
        }
    }

    private static void awaitTemplate(Pool pool, int cases, int debtors, ServiceProcess service) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (true) {
            Row row = one(pool, "SELECT (SELECT count(*) FROM dunning_cases) AS cases, "
                    + "(SELECT count(*) FROM dunning_debtors WHERE contact IS NOT NULL) AS debtors, "
                    + "(SELECT count(*) FROM creditors) AS creditors", Tuple.tuple());
            if (row.getLong("cases") == cases && row.getLong("debtors") == debtors && row.getLong("creditors") == TENANTS) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the template did not arrive: " + row.toJson() + "\n" + service.log());
            }
            Thread.sleep(200);
        }
    }

    /**
     * Copies every case, its debtor and its stream {@code copies − 1} times: new ids derived from the old
     * (md5 of id and copy number), replaced in the JSON too; columns not named are copied as they are.
     */
    private static void copy(Pool pool, int copies) {
        if (copies <= 1) {
            return;
        }
        long start = System.nanoTime();
        String newId = "md5(%s::text || '/' || k)::uuid";
        copyTable(pool, "public", "dunning_debtors", copies, Map.of(
                "debtor_id", newId.formatted("debtor_id"),
                "contact", "replace(contact::text, debtor_id::text, " + newId.formatted("debtor_id") + "::text)::jsonb"));
        copyTable(pool, "public", "dunning_cases", copies, Map.of(
                "case_id", newId.formatted("case_id"),
                "debtor_id", newId.formatted("debtor_id"),
                "invoice_number", "invoice_number || '-' || k",
                "state", "replace(replace(state::text, case_id::text, " + newId.formatted("case_id") + "::text), "
                        + "debtor_id::text, " + newId.formatted("debtor_id") + "::text)::jsonb"));
        copyTable(pool, "eventstore", "streams", copies, Map.of("stream_id", newId.formatted("stream_id")));
        copyTable(pool, "eventstore", "events", copies, Map.of(
                "position", OMIT, "tx_id", OMIT,
                "event_id", "gen_random_uuid()",
                "stream_id", newId.formatted("stream_id"),
                "data", "replace(data::text, stream_id::text, " + newId.formatted("stream_id") + "::text)::jsonb"));
        pool.query("VACUUM ANALYZE").execute().await().atMost(WAIT);
        System.out.printf("Copied the template %d times in %.0f s%n", copies - 1, seconds(start, System.nanoTime()));
    }

    /** A column left to its default. */
    private static final String OMIT = "";

    private static void copyTable(Pool pool, String schema, String table, int copies, Map<String, String> overrides) {
        List<String> columns = new ArrayList<>();
        pool.preparedQuery("SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 "
                        + "ORDER BY ordinal_position").execute(Tuple.of(schema, table)).await().atMost(WAIT)
                .forEach(r -> columns.add(r.getString("column_name")));
        List<String> kept = columns.stream().filter(c -> !OMIT.equals(overrides.get(c))).toList();
        String select = kept.stream().map(c -> overrides.containsKey(c) ? overrides.get(c) : c).collect(Collectors.joining(", "));
        String qualified = schema + "." + table;
        pool.query("INSERT INTO " + qualified + " (" + String.join(", ", kept) + ") SELECT " + select + " FROM "
                + qualified + " CROSS JOIN generate_series(1, " + (copies - 1) + ") AS k").execute().await().atMost(WAIT);
    }

    /** Waits until the run has committed its first batch; the CPU time each part had used by then. */
    private static double[] awaitRunStart(Pool pool, ServiceProcess service,
            List<nl.tijdig.testing.process.SupervisedServer> parts) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (one(pool, "SELECT count(*) AS n FROM dunning_runs", Tuple.tuple()).getLong("n") > 0) {
                return cpuSeconds(parts);
            }
            if (service.log().contains("dunning run failed")) {
                throw new IllegalStateException("the run failed:\n" + service.log());
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no run started\n" + service.log());
    }

    /** CPU seconds each part's processes have used so far (those that have ended are not counted). */
    static double[] cpuSeconds(List<nl.tijdig.testing.process.SupervisedServer> parts) {
        return parts.stream().mapToDouble(part -> part.serverProcesses().stream()
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toMillis).orElse(0L)).sum() / 1000.0).toArray();
    }

    private static Row awaitRun(Pool pool, ServiceProcess service) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long lastShown = System.nanoTime();
        while (System.nanoTime() < deadline) {
            RowSet<Row> rows = pool.query("SELECT * FROM dunning_runs ORDER BY started_at LIMIT 1").execute().await().atMost(WAIT);
            if (rows.size() == 1) {
                Row run = rows.iterator().next();
                if (run.getOffsetDateTime("finished_at") != null) {
                    return run;
                }
                if (System.nanoTime() - lastShown > Duration.ofSeconds(10).toNanos()) {
                    lastShown = System.nanoTime();
                    System.out.printf("  run under way: %,d debtors, %,d letters%n", run.getInteger("debtors"),
                            run.getInteger("letters"));
                }
            }
            if (service.log().contains("dunning run failed")) {
                throw new IllegalStateException("the run failed:\n" + service.log());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no run finished in " + WAIT + "\n" + service.log());
    }

    private static Instant awaitOutboxEmpty(Pool pool) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (one(pool, "SELECT count(*) AS n FROM eventstore.outbox", Tuple.tuple()).getLong("n") == 0) {
                return Instant.now();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the outbox did not drain in " + WAIT);
    }

    private static long endOffsets(KafkaBroker broker) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                return 0;
            }
            var partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition(TOPIC, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException("could not read the offsets of " + TOPIC, e);
        }
    }

    private static long awaitOffsets(KafkaBroker broker, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long offsets = endOffsets(broker);
        while (offsets < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            offsets = endOffsets(broker);
        }
        return offsets;
    }

    private static Row one(Pool pool, String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).await().atMost(WAIT).iterator().next();
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
