package nl.tijdig.testing.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import nl.tijdig.testing.process.Ports;
import nl.tijdig.testing.process.CommandServer;

/**
 * A real Keycloak from its Maven distribution ({@code org.keycloak:keycloak-quarkus-dist}, unpacked by
 * the build), in dev mode on a free port with an in-memory database and the given realm imported; a
 * bootstrap admin {@code admin}/{@code admin} in the master realm. Run under a supervisor JVM of ours,
 * so it never outlives the tests. The first start in a fresh distribution builds it (about 30 s on 2
 * cores); later starts take about 10 s.
 */
public final class KeycloakServer extends CommandServer {

    public static final String ADMIN = "admin";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

    /**
     * A Keycloak that keeps its data: in {@code workDir} (its log), on {@code port}, with its store in a PostgreSQL
     * database ({@code jdbcUrl}, user, password), so the realm, tenants and clients survive a restart.
     */
    public record Placement(Path workDir, int port, String jdbcUrl, String username, String password) {
    }

    private final Path home;
    private final String realm;
    private final int port;
    private final Placement placement;

    private KeycloakServer(Path home, Path realmFile, String realm, Placement placement) {
        super("keycloak", placement.workDir());
        this.port = placement.port();
        this.placement = placement;
        this.home = home.toAbsolutePath();
        this.realm = realm;
        importRealm(realmFile);
    }

    private KeycloakServer(Path home, Path realmFile, String realm) {
        super("keycloak");
        this.port = Ports.free();
        this.placement = null;
        this.home = home.toAbsolutePath();
        this.realm = realm;
        importRealm(realmFile);
    }

    private void importRealm(Path realmFile) {
        try {
            Path imports = this.home.resolve("data/import");
            Files.createDirectories(imports);
            try (Stream<Path> old = Files.list(imports)) {
                old.forEach(f -> f.toFile().delete());
            }
            Files.copy(realmFile, imports.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts Keycloak from the distribution in {@code home} with {@code realmFile} imported, and waits
     * until realm {@code realm} answers.
     */
    public static KeycloakServer startNew(Path home, Path realmFile, String realm) {
        requireDistribution(home);
        KeycloakServer server = new KeycloakServer(home, realmFile, realm);
        server.start();
        return server;
    }

    /**
     * Starts Keycloak as {@link #startNew} does, but placed: the realm is imported only when it is not in the
     * database yet, and the issuer is always {@link #issuer()} (whatever host name a client uses).
     */
    public static KeycloakServer startAt(Path home, Path realmFile, String realm, Placement placement) {
        requireDistribution(home);
        KeycloakServer server = new KeycloakServer(home, realmFile, realm, placement);
        server.start();
        return server;
    }

    private static void requireDistribution(Path home) {
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution in " + home.toAbsolutePath()
                    + " (the build unpacks org.keycloak:keycloak-quarkus-dist there)");
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234} (Keycloak listens on the loopback address only). */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The realm's issuer as tokens name it when fetched from {@link #url()}. */
    public String issuer() {
        return url() + "/realms/" + realm;
    }

    public String realm() {
        return realm;
    }

    public int port() {
        return port;
    }

    /** The admin API as the bootstrap admin. */
    public KeycloakAdmin admin() {
        return new KeycloakAdmin(this);
    }

    @Override
    protected List<String> arguments() {
        List<String> command = new java.util.ArrayList<>(List.of(home.toString(),
                "--env", "JAVA_HOME=" + System.getProperty("java.home"),
                "--env", "KC_BOOTSTRAP_ADMIN_USERNAME=" + ADMIN,
                "--env", "KC_BOOTSTRAP_ADMIN_PASSWORD=" + ADMIN,
                "--env", "JAVA_OPTS_KC_HEAP=-XX:MaxRAMPercentage=10 -XX:InitialRAMPercentage=2",
                "--", "bash", home.resolve("bin/kc.sh").toString(), "start-dev"));
        if (placement == null) {
            command.addAll(List.of("--db=dev-mem", "--hostname-strict=false"));
        } else {
            command.addAll(List.of("--db=postgres", "--db-url=" + placement.jdbcUrl(),
                    "--db-username=" + placement.username(), "--db-password=" + placement.password(),
                    "--hostname=" + url()));
        }
        command.addAll(List.of("--http-port=" + port, "--import-realm", "--http-host=127.0.0.1", "--cache=local",
                "--log-level=WARN,org.keycloak.services:INFO"));
        return command;
    }

    @Override
    protected void ready(String readyLine) {
        awaitHttpOk(URI.create(issuer() + "/.well-known/openid-configuration"), READY_TIMEOUT);
    }
}
