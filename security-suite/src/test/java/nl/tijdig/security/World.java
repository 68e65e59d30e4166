package nl.tijdig.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import nl.tijdig.testing.kafka.KafkaBroker;
import nl.tijdig.testing.keycloak.KeycloakAdmin;
import nl.tijdig.testing.keycloak.KeycloakServer;
import nl.tijdig.testing.postgres.PostgresServer;
import nl.tijdig.testing.service.ServiceProcess;

/**
 * Everything the suite runs against: Kafka, PostgreSQL and Keycloak (realm from
 * {@code deploy/keycloak}), the packaged services, and in Keycloak two tenants with a client per role,
 * an operator, a client whose tokens expire at once and one without the service's audience.
 */
final class World implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("tijdig.root", "..")).toAbsolutePath().normalize();
    static final String REALM = "tijdig";
    /** The services under test: name → module folder and database (as the run command starts them). */
    static final Map<String, String> SERVICES = nl.tijdig.launcher.Settings.SERVICES;

    /** A tenant: its id, group, and a client per role (plus "none": in the tenant, without a role). */
    record Tenant(String name, UUID id, String group, Map<String, KeycloakAdmin.Client> clients) {
    }

    final KafkaBroker kafka;
    final PostgresServer postgres;
    final KeycloakServer keycloak;
    final KeycloakAdmin admin;
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    final Tenant a;
    final Tenant b;
    final KeycloakAdmin.Client operator;
    final KeycloakAdmin.Client shortLived;
    final Map<String, KeycloakAdmin.Client> withoutAudience = new LinkedHashMap<>();
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    private record CachedToken(String token, Instant fetched) {
    }

    World() {
        CompletableFuture<KafkaBroker> broker = CompletableFuture.supplyAsync(KafkaBroker::startNew);
        CompletableFuture<PostgresServer> database = CompletableFuture.supplyAsync(PostgresServer::startNew);
        CompletableFuture<KeycloakServer> identity = CompletableFuture.supplyAsync(() -> KeycloakServer.startNew(
                Path.of(System.getProperty("tijdig.keycloak.home")), ROOT.resolve("deploy/keycloak/tijdig-realm.json"),
                REALM));
        kafka = broker.join();
        postgres = database.join();
        keycloak = identity.join();
        admin = keycloak.admin();
        SERVICES.forEach((name, db) -> {
            postgres.createDatabase(db);
            // the suite makes hundreds of calls per tenant in seconds (rate limits up); no SMTP server listens on
            // the mailer's port, so the notification-service's emails wait, rendered
            services.put(name, ServiceProcess.startNew(name, ROOT.resolve(name), Map.ofEntries(
                    Map.entry("quarkus.datasource.reactive.url", postgres.reactiveUrl(db)),
                    Map.entry("quarkus.datasource.jdbc.url", postgres.jdbcUrl(db)),
                    Map.entry("quarkus.datasource.username", db),
                    Map.entry("quarkus.datasource.password", db),
                    Map.entry("kafka.bootstrap.servers", kafka.bootstrapServers()),
                    Map.entry("quarkus.oidc.auth-server-url", keycloak.issuer()),
                    Map.entry("tijdig.api.rate-limit.per-second", "10000"),
                    Map.entry("tijdig.api.rate-limit.burst", "10000"),
                    Map.entry("quarkus.mailer.port", String.valueOf(nl.tijdig.testing.process.Ports.free())),
                    // webhook and partner secrets sealed under keys of this run; targets on this machine (the suite checks who
                    // may call what; the SSRF rules are the services' own tests)
                    Map.entry("tijdig.notification.webhooks.secret-keys", newKey()),
                    Map.entry("tijdig.collection.secret-keys", newKey()),
                    Map.entry("tijdig.collection.files.root", ROOT.resolve("security-suite/target/collection-files").toString()),
                    Map.entry("tijdig.collection.partners.require-https", "false"),
                    Map.entry("tijdig.collection.partners.allow-loopback", "true"),
                    Map.entry("tijdig.notification.webhooks.require-https", "false"),
                    Map.entry("tijdig.notification.webhooks.allow-loopback", "true"),
                    Map.entry("tijdig.payment.providers.require-https", "false"),
                    Map.entry("tijdig.payment.providers.allow-loopback", "true"))));
        });
        a = tenant("tenant-a");
        b = tenant("tenant-b");
        operator = admin.createServiceClient("operator-console", null, List.of("operator"), Map.of());
        shortLived = admin.createServiceClient("tenant-a-short", a.group(), List.of("integrator", "tenant-admin",
                "collector"), Map.of("access.token.lifespan", "1"));
        for (String service : SERVICES.keySet()) {
            KeycloakAdmin.Client client = admin.createServiceClient("tenant-a-not-" + service, a.group(),
                    List.of("integrator", "tenant-admin", "collector"), Map.of());
            admin.removeDefaultScope(client, "aud-" + service);
            withoutAudience.put(service, client);
        }
    }

    /** Publishes an event as its producer would, under a new event id. */
    void publish(nl.tijdig.events.PublicEvent event) {
        try (org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(nl.tijdig.events.CloudEventsKafka.toProducerRecord(nl.tijdig.events.CloudEventsKafka.standard().encode(
                    nl.tijdig.events.EventEnvelope.of(UUID.randomUUID(), event, 1, nl.tijdig.events.TraceContext.NONE)))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A producer's contract example as an event of this tenant, with these fields replaced too. */
    static <E extends nl.tijdig.events.PublicEvent> E example(Class<E> type, Tenant tenant, Map<String, String> fields) {
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                nl.tijdig.events.EventExamples.tree(nl.tijdig.events.EventCatalogue.standard().of(type));
        tree.put("tenantId", tenant.id().toString());
        fields.forEach(tree::put);
        try {
            return nl.tijdig.events.EventJson.mapper().treeToValue(tree, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private Tenant tenant(String name) {
        UUID id = UUID.randomUUID();
        String group = admin.createTenant(name, id);
        Map<String, KeycloakAdmin.Client> clients = new LinkedHashMap<>();
        for (String role : List.of("integrator", "tenant-admin", "collector")) {
            clients.put(role, admin.createServiceClient(name + "-" + role, group, List.of(role), Map.of()));
        }
        clients.put("none", admin.createServiceClient(name + "-none", group, List.of(), Map.of()));
        return new Tenant(name, id, group, clients);
    }

    /** A fresh enough token of a tenant's client for a role ("operator" is the operator's, in no tenant). */
    String token(Tenant tenant, String role) {
        KeycloakAdmin.Client client = "operator".equals(role) ? operator : tenant.clients().get(role);
        return cached(client.clientId(), () -> admin.token(client));
    }

    /** A token that has expired: issued for 1 second, then waited out (once). */
    String expiredToken() {
        return tokens.computeIfAbsent("expired", k -> {
            String token = admin.token(shortLived);
            sleep(Duration.ofSeconds(3));
            return new CachedToken(token, Instant.now());
        }).token();
    }

    /** A genuine token whose issuer names another host than the one the services trust. */
    String otherIssuerToken() {
        return cached("other-issuer", () -> admin.tokenAsIssuedFor(a.clients().get("tenant-admin"),
                "keycloak.invalid:" + keycloak.port()));
    }

    String withoutAudienceToken(String service) {
        return cached("no-aud-" + service, () -> admin.token(withoutAudience.get(service)));
    }

    private String cached(String key, Supplier<String> fetch) {
        CachedToken cached = tokens.get(key);
        if (cached == null || cached.fetched().isBefore(Instant.now().minusSeconds(120))) {
            cached = new CachedToken(fetch.get(), Instant.now());
            tokens.put(key, cached);
        }
        return cached.token();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void checkClaims() {
        String claims = Jwts.claims(token(a, "integrator"));
        assertThat(claims).contains("\"tenant_id\":\"" + a.id() + "\"").contains("invoice-service")
                .contains("integrator");
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::close);
        keycloak.close();
        kafka.close();
        postgres.close();
    }
}
