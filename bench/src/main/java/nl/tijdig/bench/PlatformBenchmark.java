package nl.tijdig.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.tijdig.launcher.Platform;
import nl.tijdig.launcher.Progress;
import nl.tijdig.launcher.Settings;
import nl.tijdig.launcher.demo.Target;
import nl.tijdig.launcher.demo.Tenant;
import nl.tijdig.testing.process.Folders;
import nl.tijdig.testing.process.Ports;

/**
 * The whole platform under load, as {@code ./tijdig} runs it: the five packaged services, Keycloak, Kafka and a
 * durable PostgreSQL (fsync on) on this machine, driven from outside through the public REST APIs with real tokens.
 * One run measures:
 * <ul>
 * <li>single-invoice intake ({@code POST /invoices}) at 1 and 8 connections, for one tenant and for ten: the REST
 * rate with its p50/p99, and the end-to-end rate until every invoice has its dunning case;</li>
 * <li>batch intake ({@code POST /invoices/batch}, 500 a request), end to end;</li>
 * <li>payment → case closed: payments by API at a fixed rate on the invoices of ordinary debtors and of one debtor
 * with many open invoices; the latency from PaymentReceived (its commit in the payment-service) to
 * DunningCaseClosed (its commit in the dunning-service), read from the two event stores;</li>
 * <li>CPU seconds per process (each service, PostgreSQL, Kafka, Keycloak) and each service's RSS.</li>
 * </ul>
 * The API's per-tenant rate limit is off for the run (a benchmark measures the platform, not the limiter), and the
 * dunning scheduler does not run (no step falls due during it). {@code --smoke}: a few hundred invoices, to check
 * the program runs. The figures go to docs/benchmarks.md.
 */
public final class PlatformBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream OUT = System.out;

    /** The services that run as more than one replica with {@code --replicas N}. */
    static final List<String> REPLICATED = List.of("invoice-service", "payment-service", "dunning-service");

    private final Platform platform;
    private final Target target;
    /** Per service, the URLs of its replicas, taken in turn. */
    private final Map<String, List<String>> urls = new LinkedHashMap<>();
    private final AtomicInteger turn = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Random random = new Random(42);
    private final java.time.LocalDate today;

    /** An invoice issued during the run: its tenant, debtor and what pays it. */
    record Issued(UUID invoiceId, Tenant tenant, String debtorId, String total, String paymentReference) {
    }

    /** One measured request. */
    record Timed(long startNanos, long nanos) {
    }

    private PlatformBenchmark(Platform platform) {
        this.platform = platform;
        this.target = Target.of(platform);
        for (String service : Settings.SERVICES.keySet()) {
            List<String> all = new ArrayList<>(List.of(platform.url(service)));
            platform.replicas(service).forEach(replica -> all.add(replica.url()));
            urls.put(service, all);
        }
        this.today = target.today(); // asked once: the clock does not move during the run
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = false;
        int single = 3000;
        int batch = 20000;
        int large = 10000;
        int payments = 2000;
        List<Integer> rates = List.of(50, 200, 500);
        int replicas = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--invoices" -> single = Integer.parseInt(args[++i]);
                case "--batch-invoices" -> batch = Integer.parseInt(args[++i]);
                case "--large-debtor" -> large = Integer.parseInt(args[++i]);
                case "--payments" -> payments = Integer.parseInt(args[++i]);
                case "--rates" -> rates = java.util.Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
                case "--service-jvm" -> System.setProperty("tijdig.service.jvm", args[++i]);
                case "--replicas" -> replicas = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --invoices N, --batch-invoices N, --large-debtor N, --payments N, --rates 50,200,500, "
                        + "--service-jvm \"OPTIONS\", --replicas N, --smoke)");
            }
        }
        if (smoke) {
            single = 80;
            batch = 1000;
            large = 300;
            payments = 60;
            rates = List.of(20);
        }
        Path root = Path.of(System.getProperty("tijdig.root", "..")).toAbsolutePath().normalize();
        Path data = root.resolve("bench/target/platform");
        Folders.deleteRecursively(data);
        Map<String, Integer> ports = new LinkedHashMap<>();
        Settings.DEFAULT_PORTS.keySet().forEach(name -> ports.put(name, Ports.free()));
        Settings settings = new Settings(root, data, ports, Map.of("tijdig.api.rate-limit.enabled", "false",
                "tijdig.dunning.scheduler.enabled", "false"), true);
        Instant started = Instant.now();
        OUT.println("Services' JVM options: " + String.join(" ", Settings.serviceJvm()));
        try (Platform platform = Platform.start(settings, new Progress(OUT, Duration.ofSeconds(30)))) {
            OUT.printf(Locale.ROOT, "platform started in %d s (PostgreSQL fsync on)%n", Duration.between(started, Instant.now()).toSeconds());
            for (int r = 2; r <= replicas; r++) {
                for (String service : REPLICATED) {
                    platform.startReplica(service, Ports.free());
                }
            }
            if (replicas > 1) {
                OUT.printf("%d replicas each of %s; requests go to them in turn%n", replicas, String.join(", ", REPLICATED));
            }
            new PlatformBenchmark(platform).run(single, batch, large, payments, rates);
        }
    }

    private void run(int single, int batchInvoices, int largeDebtor, int payments, List<Integer> rates) throws Exception {
        Map<String, double[]> cpuBefore = cpu();
        List<Tenant> tenants = new ArrayList<>();
        Map<Tenant, List<String>> debtors = new LinkedHashMap<>();
        for (int t = 0; t < 10; t++) {
            Tenant tenant = Tenant.create(target, "bench" + t);
            tenants.add(tenant);
            List<String> ids = new ArrayList<>();
            for (int d = 0; d < 20; d++) {
                ids.add(tenant.businessDebtor("Debiteur " + t + "-" + d + " B.V.", "debiteur" + d + "@voorbeeld.nl"));
            }
            debtors.put(tenant, ids);
        }
        Tenant main = tenants.get(0);
        OUT.println("10 tenants with 20 debtors each; every debtor's share of the invoices skewed (Zipf, s = 1)");
        statements("set-up", 0); // from here on

        List<String> rows = new ArrayList<>();
        List<Issued> all = Collections.synchronizedList(new ArrayList<>());
        int warmUp = Math.max(20, single / 10);
        intake(List.of(main), debtors, 2, warmUp, all); // warm the JITs and pools; not reported
        for (int connections : List.of(1, 8)) {
            for (List<Tenant> who : List.of(List.of(main), tenants)) {
                List<Issued> round = Collections.synchronizedList(new ArrayList<>());
                Result result = intake(who, debtors, connections, single, round);
                double endToEnd = endToEnd(round);
                rows.add(String.format(Locale.ROOT, "| single `POST /invoices` | %d tenant%s, %d connection%s | %,d | %,.0f/s | %.1f ms | %.1f ms | %,.0f/s |",
                        who.size(), who.size() == 1 ? "" : "s", connections, connections == 1 ? "" : "s", round.size(),
                        result.rate(), result.percentile(50), result.percentile(99), endToEnd));
                all.addAll(round);
            }
        }
        List<Issued> batched = Collections.synchronizedList(new ArrayList<>());
        Result batchResult = batches(tenants, debtors, 2, batchInvoices, batched);
        rows.add(String.format(Locale.ROOT, "| batch `POST /invoices/batch` (500 each) | 10 tenants, 2 connections | %,d | %,.0f invoices/s | %.0f ms | %.0f ms | %,.0f/s |",
                batched.size(), batchResult.rate() * 500, batchResult.percentile(50), batchResult.percentile(99), endToEnd(batched)));

        // one debtor of the main tenant with many open invoices
        String big = main.businessDebtor("Groothandel Veel Open B.V.", "crediteuren@veelopen.nl");
        List<Issued> ofBig = Collections.synchronizedList(new ArrayList<>());
        batches(List.of(main), Map.of(main, List.of(big)), 2, largeDebtor, ofBig);
        endToEnd(ofBig);
        // a payment for an invoice the payment-service has not seen yet stays unmatched: wait until it knows them all
        List<Issued> every = new ArrayList<>(all);
        every.addAll(batched);
        every.addAll(ofBig);
        awaitOpenItems(every);
        OUT.printf(Locale.ROOT, "a debtor with %,d open invoices%n", ofBig.size());

        List<String> profile = new ArrayList<>(statements("intake (single and batch, and the large debtor)", 15));

        List<Issued> payable = new ArrayList<>(all.stream().filter(i -> i.tenant() == main).toList());
        Collections.shuffle(payable, random);
        List<Issued> payableBig = new ArrayList<>(ofBig);
        Collections.shuffle(payableBig, random);
        // warm the payment paths (matching, allocation, closing a case) as the intake was warmed; not reported
        List<Issued> warm = new ArrayList<>();
        for (int i = 0; i < Math.min(200, payments / 10) && payable.size() > 1 && payableBig.size() > 1; i++) {
            warm.add(i % 4 == 3 ? payableBig.remove(payableBig.size() - 1) : payable.remove(payable.size() - 1));
        }
        if (!warm.isEmpty()) {
            payAt(50, warm, big);
        }
        for (int rate : rates) {
            int n = Math.min(payments, payable.size() + payableBig.size());
            List<Issued> chosen = new ArrayList<>();
            for (int i = 0; i < n && (!payable.isEmpty() || !payableBig.isEmpty()); i++) {
                chosen.add(i % 4 == 3 && !payableBig.isEmpty() || payable.isEmpty() ? payableBig.remove(payableBig.size() - 1)
                        : payable.remove(payable.size() - 1)); // every fourth payment is the large debtor's
            }
            if (chosen.isEmpty()) {
                break;
            }
            Latency latency = payAt(rate, chosen, big);
            rows.add(String.format(Locale.ROOT, "| payment → case closed | %d payments/s, every 4th of the large debtor | %,d | p50 %.0f ms | p99 %.0f ms | max %.0f ms | large debtor p99 %.0f ms |",
                    rate, chosen.size(), latency.all().percentile(50), latency.all().percentile(99), latency.all().max(),
                    latency.large().percentile(99)));
            rows.add(String.format(Locale.ROOT, "|   of which until the dunning consumer took it | %d payments/s | | p50 %.0f ms | p99 %.0f ms | large debtor p50 %.0f ms | large debtor p99 %.0f ms; closed p50 %.0f ms |",
                    rate, latency.toInbox().percentile(50), latency.toInbox().percentile(99),
                    latency.toInboxLarge().percentile(50), latency.toInboxLarge().percentile(99), latency.large().percentile(50)));
        }

        profile.addAll(statements("payments", 15));
        List<String> consistency = consistency(every);
        Map<String, double[]> cpuAfter = cpu();
        OUT.println();
        profile.forEach(OUT::println);
        OUT.println();
        consistency.forEach(OUT::println);
        OUT.println();
        OUT.println("| figure | what | invoices | rate | p50 | p99 | end to end |");
        OUT.println("|---|---|---|---|---|---|---|");
        rows.forEach(OUT::println);
        OUT.println();
        int total = all.size() + batched.size() + ofBig.size();
        OUT.println("| process | CPU s during the run | CPU ms per invoice | RSS after |");
        OUT.println("|---|---|---|---|");
        cpuAfter.forEach((name, after) -> {
            double[] before = cpuBefore.getOrDefault(name, new double[] {0, 0});
            double seconds = after[0] - before[0];
            OUT.printf(Locale.ROOT, "| %s | %.1f | %.2f | %s |%n", name, seconds, seconds * 1000 / Math.max(1, total),
                    after[1] > 0 ? String.format(Locale.ROOT, "%.0f MB", after[1] / 1024 / 1024) : "");
        });
        if (Settings.serviceJvm().stream().anyMatch(o -> o.startsWith("-XX:NativeMemoryTracking="))) {
            nativeMemory();
        }
    }

    /**
     * Where each service's memory is committed, by the JVM's native memory tracking (when the services run with
     * {@code -XX:NativeMemoryTracking=summary}): heap, class metadata, code, threads, GC, other (direct buffers).
     */
    private void nativeMemory() throws Exception {
        OUT.println();
        OUT.println("| service | RSS | JVM committed in all | heap | metaspace and class space | code | threads | GC | symbols | other (direct buffers) | rest |");
        OUT.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        // "Total: reserved=…KB, committed=…KB" and "-  Java Heap (reserved=…KB, committed=…KB)"
        java.util.regex.Pattern line = java.util.regex.Pattern.compile(
                "^-?\\s*([A-Za-z][A-Za-z ]*?)\\s*(?:\\(|:\\s*)reserved=\\d+KB, committed=(\\d+)KB");
        for (String service : Settings.SERVICES.keySet()) {
            List<ProcessHandle> processes = platform.service(service).serverProcesses();
            if (processes.isEmpty()) {
                continue;
            }
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(processes.get(0).pid()), "VM.native_memory",
                    "summary").redirectErrorStream(true).start();
            Map<String, Long> committed = new LinkedHashMap<>();
            for (String text : new String(p.getInputStream().readAllBytes()).split("\n")) {
                java.util.regex.Matcher m = line.matcher(text.strip());
                if (m.find()) {
                    committed.putIfAbsent(m.group(1).strip(), Long.parseLong(m.group(2)) / 1024);
                }
            }
            p.waitFor();
            long total = committed.getOrDefault("Total", 0L);
            long shown = 0;
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %.0f MB | %d MB", service,
                    usage(processes, false)[1] / 1024 / 1024, total));
            for (List<String> categories : List.of(List.of("Java Heap"), List.of("Metaspace", "Class"), List.of("Code"),
                    List.of("Thread", "Thread Stack"), List.of("GC", "GCCardSet"), List.of("Symbol"), List.of("Other"))) {
                long mb = categories.stream().mapToLong(c -> committed.getOrDefault(c, 0L)).sum();
                shown += mb;
                row.append(" | ").append(mb).append(" MB");
            }
            OUT.println(row.append(" | ").append(total - shown).append(" MB |"));
        }
    }

    // ---- intake

    private Result intake(List<Tenant> tenants, Map<Tenant, List<String>> debtors, int connections, int count,
            List<Issued> issued) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Timed> times = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        parallel(connections, () -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                Tenant tenant = tenants.get(i % tenants.size());
                String debtor = skewed(debtors.get(tenant));
                long t0 = System.nanoTime();
                JsonNode invoice = post(tenant, "invoice-service", "/invoices", invoice(debtor), 201);
                times.add(new Timed(t0, System.nanoTime() - t0));
                issued.add(issued(tenant, debtor, invoice));
            }
        });
        return new Result(List.copyOf(times), System.nanoTime() - start);
    }

    private Result batches(List<Tenant> tenants, Map<Tenant, List<String>> debtors, int connections, int count,
            List<Issued> issued) throws Exception {
        int requests = (count + 499) / 500;
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Timed> times = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        parallel(connections, () -> {
            int i;
            while ((i = next.getAndIncrement()) < requests) {
                Tenant tenant = tenants.get(i % tenants.size());
                int size = Math.min(500, count - i * 500);
                List<String> of = new ArrayList<>();
                List<String> body = new ArrayList<>();
                for (int k = 0; k < size; k++) {
                    String debtor = skewed(debtors.get(tenant));
                    of.add(debtor);
                    body.add(invoice(debtor));
                }
                long t0 = System.nanoTime();
                JsonNode answer = post(tenant, "invoice-service", "/invoices/batch",
                        "{\"invoices\": [" + String.join(",", body) + "]}", 201);
                times.add(new Timed(t0, System.nanoTime() - t0));
                for (int k = 0; k < size; k++) {
                    issued.add(issued(tenant, of.get(k), answer.get("invoices").get(k)));
                }
            }
        });
        return new Result(List.copyOf(times), System.nanoTime() - start);
    }

    /** Invoices per second from the first InvoiceIssued to the last dunning case opened for them. */
    private double endToEnd(List<Issued> invoices) throws Exception {
        List<UUID> ids = invoices.stream().map(Issued::invoiceId).toList();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (cases(invoices) < ids.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every invoice got its dunning case within 10 minutes");
            }
            Thread.sleep(250); // looked up by the table's key: the benchmark's own reads cost the database little
        }
        Instant first = instant("invoice", "SELECT min(recorded_at) FROM eventstore.events WHERE stream_id = ANY(?)", ids);
        Instant last = instant("dunning", "SELECT max(e.recorded_at) FROM eventstore.events e WHERE e.stream_id = ANY(?) "
                + "AND e.version = 1", ids);
        return ids.size() / Math.max(0.001, Duration.between(first, last).toNanos() / 1e9);
    }

    // ---- payments

    /** Payment to case closed, all and the large debtor's; and the part until the dunning-service's consumer took it. */
    record Latency(Result all, Result large, Result toInbox, Result toInboxLarge) {
    }

    /** Pays the invoices at {@code rate} a second (open loop), then reads each payment-to-closed latency. */
    private Latency payAt(int rate, List<Issued> invoices, String bigDebtor) throws Exception {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < invoices.size(); i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                Issued invoice = invoices.get(i);
                sent.add(senders.submit(() -> {
                    post(invoice.tenant(), "payment-service", "/payments", """
                            {"amount": "%s", "currency": "EUR", "valueDate": "%s", "payerName": "Debiteur B.V.",
                             "payerIban": "NL93RABO0123456780", "remittanceInformation": "%s"}"""
                            .formatted(invoice.total(), today, invoice.paymentReference()), 201);
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
        List<UUID> ids = invoices.stream().map(Issued::invoiceId).toList();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String closed = "SELECT count(*) FROM eventstore.events WHERE stream_id = ANY(?) "
                + "AND event_type = 'nl.tijdig.dunning.DunningCaseClosed.v1'";
        while (count("dunning", closed, ids) < ids.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every paid case closed within 5 minutes");
            }
            Thread.sleep(250);
        }
        Map<UUID, Instant> received = instants("payment", "SELECT (data->'allocations'->0->>'invoiceId')::uuid, recorded_at "
                + "FROM eventstore.events WHERE event_type = 'nl.tijdig.payment.PaymentReceived.v1' "
                + "AND (data->'allocations'->0->>'invoiceId')::uuid = ANY(?)", ids);
        Map<UUID, Instant> closedAt = instants("dunning", "SELECT stream_id, recorded_at FROM eventstore.events "
                + "WHERE stream_id = ANY(?) AND event_type = 'nl.tijdig.dunning.DunningCaseClosed.v1'", ids);
        // where the time goes: until the dunning-service's consumer took the event (relay, Kafka, its queue)
        Map<UUID, UUID> eventOf = new java.util.HashMap<>();
        try (Connection c = connect("payment"); PreparedStatement s = c.prepareStatement("SELECT "
                + "(data->'allocations'->0->>'invoiceId')::uuid, event_id FROM eventstore.events WHERE event_type = "
                + "'nl.tijdig.payment.PaymentReceived.v1' AND (data->'allocations'->0->>'invoiceId')::uuid = ANY(?)")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    eventOf.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                }
            }
        }
        Map<UUID, Instant> taken = instants("dunning", "SELECT event_id, processed_at FROM eventstore.inbox "
                + "WHERE consumer = 'dunning-service.payments' AND event_id = ANY(?)", List.copyOf(eventOf.values()));
        List<Timed> toInbox = new ArrayList<>();
        List<Timed> toInboxLarge = new ArrayList<>();
        List<Timed> every = new ArrayList<>();
        List<Timed> large = new ArrayList<>();
        for (Issued invoice : invoices) {
            Instant from = received.get(invoice.invoiceId());
            Instant to = closedAt.get(invoice.invoiceId());
            if (from == null || to == null) {
                continue;
            }
            Timed timed = new Timed(0, Duration.between(from, to).toNanos());
            every.add(timed);
            if (invoice.debtorId().equals(bigDebtor)) {
                large.add(timed);
            }
            Instant inbox = taken.get(eventOf.get(invoice.invoiceId()));
            if (inbox != null) {
                Timed queued = new Timed(0, Duration.between(from, inbox).toNanos());
                toInbox.add(queued);
                if (invoice.debtorId().equals(bigDebtor)) {
                    toInboxLarge.add(queued);
                }
            }
        }
        return new Latency(new Result(every, 0), new Result(large, 0), new Result(toInbox, 0), new Result(toInboxLarge, 0));
    }

    // ---- helpers

    private String skewed(List<String> debtors) {
        // Zipf (s = 1) over the debtors: the first has the most invoices
        double harmonic = 0;
        for (int k = 1; k <= debtors.size(); k++) {
            harmonic += 1.0 / k;
        }
        double pick = random.nextDouble() * harmonic;
        for (int k = 1; k <= debtors.size(); k++) {
            pick -= 1.0 / k;
            if (pick <= 0) {
                return debtors.get(k - 1);
            }
        }
        return debtors.get(debtors.size() - 1);
    }

    private String invoice(String debtor) {
        return """
                {"debtorId": "%s", "deliveryDate": "%s",
                 "lines": [{"description": "Schoonmaak kantoor", "quantity": 1, "unitPrice": "45.00", "vat": "STANDARD"}]}"""
                .formatted(debtor, today);
    }

    private static Issued issued(Tenant tenant, String debtor, JsonNode invoice) {
        return new Issued(UUID.fromString(invoice.get("invoiceId").asText()), tenant, debtor,
                invoice.get("totalInclVat").get("amount").asText(), invoice.get("paymentReference").asText());
    }

    private JsonNode post(Tenant tenant, String service, String path, String body, int expected) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(service) + path))
                    .header("Authorization", "Bearer " + tenant.bearer()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == expected) {
                return JSON.readTree(response.body());
            }
            if (response.statusCode() != 409 || attempt >= 5) { // 409: a concurrent change, tried again as a client would
                throw new IllegalStateException("POST " + path + ": " + response.statusCode() + " " + response.body());
            }
        }
    }

    /** A replica of the service, each in turn. */
    private String url(String service) {
        List<String> all = urls.get(service);
        return all.get(Math.floorMod(turn.getAndIncrement(), all.size()));
    }

    interface Work {
        void run() throws Exception;
    }

    private static void parallel(int threads, Work work) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(pool.submit(() -> {
                    work.run();
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
    }

    /** The statements that took the most time in PostgreSQL since the last call ({@link StatementProfile}). */
    private List<String> statements(String phase, int top) throws SQLException {
        return StatementProfile.take(platform.postgres().jdbcUrl("postgres"), phase, top);
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(platform.postgres().jdbcUrl(database), "postgres", "");
    }

    private long count(String database, String sql, List<UUID> ids) throws SQLException {
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Instant instant(String database, String sql, List<UUID> ids) throws SQLException {
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    /** Waits until the payment-service holds an open item for each of these invoices. */
    private void awaitOpenItems(List<Issued> invoices) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (known("payment", "open_items", "invoice_id", invoices) < invoices.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the payment-service did not see every invoice within 10 minutes");
            }
            Thread.sleep(250);
        }
    }

    /** How many of these invoices have their dunning case. */
    private long cases(List<Issued> invoices) throws SQLException {
        return known("dunning", "dunning_cases", "case_id", invoices);
    }

    /** How many of these invoices a service's table holds, found by its primary key (tenant, invoice). */
    /**
     * Every invoice of the run took effect once in every service, whatever replicas ran: one row each in the
     * invoice-service's index, the payment-service's open items, the dunning-service's cases and the
     * collection-gateway's invoices (their keys make a second impossible, so fewer is what would show a loss), and
     * every service's outbox drained.
     */
    private List<String> consistency(List<Issued> every) throws Exception {
        Map<String, String[]> tables = new LinkedHashMap<>();
        tables.put("invoice", new String[] {"invoice_index", "invoice_id"});
        tables.put("payment", new String[] {"open_items", "invoice_id"});
        tables.put("dunning", new String[] {"dunning_cases", "case_id"});
        tables.put("collection", new String[] {"invoices", "invoice_id"});
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String[]> table : tables.entrySet()) {
            long n;
            while ((n = known(table.getKey(), table.getValue()[0], table.getValue()[1], every)) < every.size()
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            found.add(String.format(Locale.ROOT, "%s %,d", table.getValue()[0], n));
            if (n != every.size()) {
                throw new IllegalStateException(every.size() + " invoices issued, " + n + " in " + table.getValue()[0]);
            }
        }
        for (String database : Settings.SERVICES.values()) {
            long left;
            while ((left = outbox(database)) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            if (left > 0) {
                throw new IllegalStateException(left + " events of the " + database + " database not published");
            }
        }
        return List.of(String.format(Locale.ROOT, "every invoice once in every service (%,d issued): %s; every outbox empty",
                every.size(), String.join(", ", found)));
    }

    private long outbox(String database) throws SQLException {
        try (Connection c = connect(database); var s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM eventstore.outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long known(String database, String table, String idColumn, List<Issued> invoices) throws SQLException {
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table
                + " t JOIN unnest(?::uuid[], ?::uuid[]) AS x(tenant, id) ON t.tenant_id = x.tenant AND t." + idColumn + " = x.id")) {
            s.setArray(1, c.createArrayOf("uuid", invoices.stream().map(i -> i.tenant().tenantId).toArray()));
            s.setArray(2, c.createArrayOf("uuid", invoices.stream().map(Issued::invoiceId).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Map<UUID, Instant> instants(String database, String sql, List<UUID> ids) throws SQLException {
        Map<UUID, Instant> found = new java.util.HashMap<>();
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return found;
    }

    /** CPU seconds so far and resident bytes per process of the platform (PostgreSQL with its ended backends). */
    private Map<String, double[]> cpu() throws IOException {
        Map<String, double[]> found = new LinkedHashMap<>();
        for (String service : Settings.SERVICES.keySet()) {
            double[] all = usage(platform.service(service).serverProcesses(), false);
            for (var replica : platform.replicas(service)) { // CPU summed over the replicas, the largest RSS
                double[] more = usage(replica.serverProcesses(), false);
                all = new double[] {all[0] + more[0], Math.max(all[1], more[1])};
            }
            found.put(service, all);
        }
        found.put("postgresql", usage(platform.postgres().serverProcesses(), true));
        found.put("kafka", usage(platform.kafka().serverProcesses(), false));
        found.put("keycloak", usage(platform.keycloak().serverProcesses(), false));
        return found;
    }

    private static double[] usage(List<ProcessHandle> processes, boolean withEndedChildren) throws IOException {
        double ticks = 0;
        double rss = 0;
        for (int i = 0; i < processes.size(); i++) {
            Path proc = Path.of("/proc", Long.toString(processes.get(i).pid()));
            if (!Files.exists(proc)) {
                continue;
            }
            String stat = Files.readString(proc.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            if (i == 0 && withEndedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]); // cutime, cstime: ended backends
            }
            if (!withEndedChildren) {
                rss = Math.max(rss, Long.parseLong(fields[21]) * 4096.0); // rss in pages: the JVM's, not its wrapper's
            }
        }
        return new double[] {ticks / 100.0, rss};
    }

    /** Request times and the wall time they took. */
    record Result(List<Timed> times, long wallNanos) {

        double rate() {
            return times.size() / (wallNanos / 1e9);
        }

        double percentile(int p) {
            if (times.isEmpty()) {
                return Double.NaN;
            }
            List<Long> sorted = times.stream().map(Timed::nanos).sorted().toList();
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
        }

        double max() {
            return times.stream().mapToLong(Timed::nanos).max().orElse(0) / 1e6;
        }
    }
}
