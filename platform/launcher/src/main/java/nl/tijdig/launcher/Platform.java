package nl.tijdig.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import nl.tijdig.testing.kafka.KafkaBroker;
import nl.tijdig.testing.keycloak.KeycloakAdmin;
import nl.tijdig.testing.keycloak.KeycloakServer;
import nl.tijdig.testing.postgres.PostgresServer;
import nl.tijdig.testing.process.ChildJvm;
import nl.tijdig.testing.service.ServiceProcess;

/**
 * The whole platform on one machine: PostgreSQL (a database and role per service, one for Keycloak), a Kafka broker
 * in KRaft mode, Keycloak with the realm of {@code deploy/keycloak} and a demo tenant, the local mailbox, and the five
 * packaged services as separate processes, configured the way Kubernetes configures them (URLs, secrets) and sharing
 * one business clock. Everything keeps its data in {@link Settings#dataDir()}; {@link #close()} stops it all, in
 * order, and a later start finds the data again.
 */
public final class Platform implements AutoCloseable {

    public static final String REALM = "tijdig";
    public static final String DEMO_TENANT = "demo";
    public static final String DEMO_INTEGRATOR = "demo-integrator";
    public static final String DEMO_OPERATOR = "demo-operator";

    private final Settings settings;
    private final Progress progress;
    private final FileLock lock;
    private final List<AutoCloseable> stopOrder = new ArrayList<>();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private KeycloakServer keycloak;
    private Mailbox mailbox;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final List<Replica> replicas = new ArrayList<>();
    private final Object replicaStarts = new Object();
    private DemoTenant demo;

    private Platform(Settings settings, Progress progress, FileLock lock) {
        this.settings = settings;
        this.progress = progress;
        this.lock = lock;
    }

    /** Starts everything and waits until every service is ready; stops what it started when a part fails. */
    public static Platform start(Settings settings, Progress progress) {
        checkBuilt(settings);
        FileLock lock = lockData(settings.dataDir());
        try {
            checkPorts(settings);
        } catch (RuntimeException e) {
            release(lock);
            throw e;
        }
        System.setProperty(ChildJvm.NEW_SESSION, "true");
        Platform platform = new Platform(settings, progress, lock);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll() {
        Path data = settings.dataDir();
        CompletableFuture<PostgresServer> database = async(() -> progress.step("postgresql", "port " + settings.port("postgres"),
                () -> PostgresServer.startAt(data.resolve("postgres"), settings.port("postgres"), settings.durable())));
        CompletableFuture<KafkaBroker> broker = async(() -> progress.step("kafka", "port " + settings.port("kafka"),
                () -> KafkaBroker.startAt(data.resolve("kafka"), settings.port("kafka"), settings.port("kafka-controller"))));
        // both started (or failed) before either is joined, so a failure of one still stops the other
        CompletableFuture.allOf(database, broker).exceptionally(e -> null).join();
        if (!database.isCompletedExceptionally()) {
            postgres = database.join();
            stopOrder.add(0, postgres::stop);
        }
        if (!broker.isCompletedExceptionally()) {
            kafka = broker.join();
            stopOrder.add(0, kafka::stop);
        }
        join(database); // the failure, if one of them failed
        join(broker);
        for (String db : Settings.SERVICES.values()) {
            postgres.createDatabase(db);
        }
        postgres.createDatabase("keycloak");
        mailbox = progress.step("mailbox", "smtp port " + settings.port("smtp") + ", web port " + settings.port("mailbox"),
                () -> Mailbox.start(data, settings.port("smtp"), settings.port("mailbox")));
        stopOrder.add(0, mailbox);
        boolean firstStart = !Files.exists(data.resolve("keycloak"));
        keycloak = progress.step("keycloak", "port " + settings.port("keycloak")
                + (firstStart ? " (a first start takes up to a minute)" : ""),
                () -> KeycloakServer.startAt(settings.keycloakHome(), settings.realmFile(), REALM,
                        new KeycloakServer.Placement(data.resolve("keycloak"), settings.port("keycloak"),
                                postgres.jdbcUrl("keycloak"), "keycloak", "keycloak")));
        stopOrder.add(0, keycloak::stop);
        demo = DemoTenant.ensure(keycloak.admin(), keycloak);
        Map<String, String> common = commonProperties(data);
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        Settings.SERVICES.forEach((name, db) -> starting.add(async(() -> {
            Map<String, String> properties = serviceProperties(name, db, common);
            ServiceProcess service = progress.step(name, "port " + settings.port(name),
                    () -> ServiceProcess.startAt(name, settings.moduleDir(name), data.resolve(name), settings.port(name),
                            properties, Settings.serviceJvm()));
            synchronized (services) {
                services.put(name, service);
            }
            return null;
        })));
        RuntimeException failure = null;
        for (CompletableFuture<Void> each : starting) {
            try {
                join(each);
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** What one service is given: {@code common}, its database, and what only it needs. */
    private Map<String, String> serviceProperties(String name, String db, Map<String, String> common) {
        Map<String, String> properties = new LinkedHashMap<>(common);
        properties.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(db));
        properties.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(db));
        properties.put("quarkus.datasource.username", db);
        properties.put("quarkus.datasource.password", db);
        if ("payment-service".equals(name)) {
            // the demo's payment provider is a local program
            properties.put("tijdig.payment.providers.require-https", "false");
            properties.put("tijdig.payment.providers.allow-loopback", "true");
        }
        if ("notification-service".equals(name)) {
            // mail to the local mailbox; letters and SMS to the local providers, which keep them in the data folder
            properties.put("quarkus.mailer.host", "127.0.0.1");
            properties.put("quarkus.mailer.port", String.valueOf(settings.port("smtp")));
            properties.put("tijdig.notification.post.base-url", mailbox.postProviderUrl());
            properties.put("tijdig.notification.post.api-key", "local");
            properties.put("tijdig.notification.sms.base-url", mailbox.smsProviderUrl());
            properties.put("tijdig.notification.sms.api-key", "local");
        }
        properties.putAll(settings.serviceProperties());
        return properties;
    }

    /**
     * Starts one more replica of a running service on {@code port}: the same database, broker and configuration
     * (its consumers join the same groups, so Kafka splits the partitions between the replicas; its outbox relay
     * and scheduler share the work as in Kubernetes), its log in {@code <data>/<name>-replica-<n>}. It stops with
     * the platform. For benchmarks and fault tests that need two replicas on one machine.
     */
    public ServiceProcess startReplica(String name, int port) {
        String db = Settings.SERVICES.get(name);
        if (db == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        Map<String, String> properties = serviceProperties(name, db, commonProperties(settings.dataDir()));
        synchronized (replicaStarts) { // one at a time: a replica's number (and folder) is taken when it has started
            String replica = name + "-replica-" + (replicas(name).size() + 2);
            ServiceProcess process = progress.step(replica, "port " + port,
                    () -> ServiceProcess.startAt(name, settings.moduleDir(name), settings.dataDir().resolve(replica), port,
                            properties, Settings.serviceJvm()));
            synchronized (services) {
                replicas.add(new Replica(name, process));
            }
            return process;
        }
    }

    /** The replicas started besides the services' first processes. */
    public List<ServiceProcess> replicas(String name) {
        synchronized (services) {
            return replicas.stream().filter(r -> r.name().equals(name)).map(Replica::process).toList();
        }
    }

    private record Replica(String name, ServiceProcess process) {
    }

    /** What every service gets: the broker, the issuer, the mailbox, sealing keys, the shared business clock. */
    private Map<String, String> commonProperties(Path data) {
        Properties secrets = secrets(data.resolve("secrets.properties"));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        properties.put("quarkus.oidc.auth-server-url", keycloak.issuer());
        properties.put("tijdig.notification.webhooks.secret-keys", secrets.getProperty("webhook-secret-keys"));
        properties.put("tijdig.collection.secret-keys", secrets.getProperty("partner-secret-keys"));
        properties.put("tijdig.collection.files.root", data.resolve("collection-files").toString());
        properties.put("tijdig.clock.shared-file", data.resolve("business-clock").toString());
        // on one machine, webhook receivers and partners are local programs: plain http on loopback is allowed here
        properties.put("tijdig.collection.partners.require-https", "false");
        properties.put("tijdig.collection.partners.allow-loopback", "true");
        properties.put("tijdig.notification.webhooks.require-https", "false");
        properties.put("tijdig.notification.webhooks.allow-loopback", "true");
        // logs a person reads in .tijdig/logs: text, not the JSON lines production gives its log collector
        properties.put("quarkus.log.console.json.enabled", "false");
        return properties;
    }

    public Settings settings() {
        return settings;
    }

    public String url(String service) {
        ServiceProcess process = services.get(service);
        if (process == null) {
            throw new IllegalArgumentException("no service " + service);
        }
        return process.url();
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    public DemoTenant demo() {
        return demo;
    }

    /** Stops the services, then Keycloak, the mailbox, Kafka and PostgreSQL; their data stay. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        synchronized (services) {
            services.forEach((name, service) -> stopping.add(CompletableFuture.runAsync(() -> {
                try {
                    service.stop();
                } catch (RuntimeException e) {
                    progress.say("  " + name + " did not stop cleanly: " + e.getMessage());
                }
            })));
            replicas.forEach(replica -> stopping.add(CompletableFuture.runAsync(() -> {
                try {
                    replica.process().stop();
                } catch (RuntimeException e) {
                    progress.say("  a replica of " + replica.name() + " did not stop cleanly: " + e.getMessage());
                }
            })));
        }
        stopping.forEach(CompletableFuture::join);
        for (AutoCloseable part : stopOrder) {
            try {
                part.close();
            } catch (Exception e) {
                progress.say("  a part did not stop cleanly: " + e.getMessage());
            }
        }
        stopOrder.clear();
        release(lock);
    }

    private static void checkBuilt(Settings settings) {
        List<String> missing = new ArrayList<>();
        for (String service : Settings.SERVICES.keySet()) {
            if (!Files.isRegularFile(settings.moduleDir(service).resolve("target/quarkus-app/quarkus-run.jar"))) {
                missing.add(service);
            }
        }
        if (!Files.isRegularFile(settings.keycloakHome().resolve("bin/kc.sh"))) {
            missing.add("the Keycloak distribution (" + settings.keycloakHome() + ")");
        }
        if (!missing.isEmpty()) {
            throw new LaunchException("not built yet: " + String.join(", ", missing)
                    + ". Build once with: ./mvnw install -DskipTests (./tijdig does this for you)");
        }
    }

    private static FileLock lockData(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("launcher.lock");
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                String pid = Files.readString(file).trim();
                throw new LaunchException("Tijdig already runs on the data in " + dataDir
                        + (pid.isEmpty() ? "" : " (launcher pid " + pid + ")")
                        + ". Stop it first (Ctrl-C in its terminal), or start another with --data <folder> and other ports.");
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid())
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            return lock;
        } catch (IOException e) {
            throw new LaunchException("cannot use the data folder " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException ignored) {
            // the lock ends with the process anyway
        }
    }

    /** All taken ports in one message, with what to do about them. */
    static void checkPorts(Settings settings) {
        List<String> taken = new ArrayList<>();
        settings.ports().forEach((name, port) -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                taken.add("  " + port + " (" + name + ")");
            }
        });
        if (!taken.isEmpty()) {
            String first = taken.get(0).trim();
            String name = first.substring(first.indexOf('(') + 1, first.length() - 1);
            throw new LaunchException("These ports are taken by another program:\n" + String.join("\n", taken)
                    + "\nStop that program (`ss -ltnp` shows which one it is), or give Tijdig other ports, e.g.\n"
                    + "  ./tijdig --port " + name + "=" + (settings.port(name) + 10000));
        }
    }

    /** The sealing keys of webhook and partner secrets: made once, kept with the data (readable by the owner only). */
    private static Properties secrets(Path file) {
        Properties secrets = new Properties();
        try {
            if (Files.isRegularFile(file)) {
                try (var in = Files.newInputStream(file)) {
                    secrets.load(in);
                }
                return secrets;
            }
            secrets.setProperty("webhook-secret-keys", newKey());
            secrets.setProperty("partner-secret-keys", newKey());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (var out = Files.newOutputStream(file)) {
                secrets.store(out, "Tijdig on this machine: the keys that seal webhook and partner secrets. Keep them with the data.");
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static <T> CompletableFuture<T> async(java.util.function.Supplier<T> start) {
        return CompletableFuture.supplyAsync(start, runnable -> Thread.ofPlatform().daemon().start(runnable));
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
