package nl.tijdig.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where the platform runs: the checkout it runs from, the folder that keeps its data and logs, the ports (one per
 * server, by name) and extra properties for every service.
 *
 * @param root the checkout (its services' packaged jars, the Keycloak realm)
 * @param dataDir data and logs; a second start on the same folder finds them
 * @param ports port per name in {@link #PORT_NAMES}
 * @param serviceProperties added to (and overriding) what the launcher gives every service
 * @param durable whether PostgreSQL writes through to the disk ({@code fsync}, {@code full_page_writes}): on for
 *     {@code ./tijdig}, which keeps real data, so a power loss loses no committed transaction and corrupts
 *     nothing; a test's throw-away platform may turn it off for speed
 */
public record Settings(Path root, Path dataDir, Map<String, Integer> ports, Map<String, String> serviceProperties,
        boolean durable) {

    /** Settings of a durable platform. */
    public Settings(Path root, Path dataDir, Map<String, Integer> ports, Map<String, String> serviceProperties) {
        this(root, dataDir, ports, serviceProperties, true);
    }

    /** The five services in the order they start, with their database names. */
    public static final Map<String, String> SERVICES = services();

    /** The documented ports (README, "Run the platform"). */
    public static final Map<String, Integer> DEFAULT_PORTS = defaultPorts();

    public Settings {
        root = root.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        Map<String, Integer> all = new LinkedHashMap<>(DEFAULT_PORTS);
        ports.forEach((name, port) -> {
            if (!DEFAULT_PORTS.containsKey(name)) {
                throw new LaunchException("there is no port called '" + name + "'; the ports are "
                        + String.join(", ", DEFAULT_PORTS.keySet()));
            }
            if (port < 1 || port > 65535) {
                throw new LaunchException("port " + name + "=" + port + " is not a TCP port (1-65535)");
            }
            all.put(name, port);
        });
        ports = Collections.unmodifiableMap(all);
        serviceProperties = Map.copyOf(serviceProperties);
    }

    /**
     * The JVM options of every service: {@code -Xmx384m -XX:+UseSerialGC}, or the system property
     * {@code tijdig.service.jvm} (options separated by spaces; the benchmarks use it to compare settings).
     */
    public static java.util.List<String> serviceJvm() {
        String given = System.getProperty("tijdig.service.jvm", "").strip();
        return given.isEmpty() ? java.util.List.of("-Xmx384m", "-XX:+UseSerialGC") : java.util.List.of(given.split("\\s+"));
    }

    /** The documented ports, data in {@code <root>/.tijdig}. */
    public static Settings defaults(Path root) {
        return new Settings(root, root.resolve(".tijdig"), Map.of(), Map.of());
    }

    public int port(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no port " + name);
        }
        return port;
    }

    public Settings withPorts(Map<String, Integer> chosen) {
        return new Settings(root, dataDir, chosen, serviceProperties, durable);
    }

    /** The Keycloak distribution the build unpacked ({@code platform/launcher/target/keycloak}). */
    public Path keycloakHome() {
        return root.resolve("platform/launcher/target/keycloak/keycloak-" + build().getProperty("keycloak.version"));
    }

    public Path realmFile() {
        return root.resolve("deploy/keycloak/tijdig-realm.json");
    }

    public Path moduleDir(String service) {
        return root.resolve(service);
    }

    static Properties build() {
        Properties properties = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/tijdig-launcher.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Map<String, String> services() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("invoice-service", "invoice");
        services.put("payment-service", "payment");
        services.put("dunning-service", "dunning");
        services.put("notification-service", "notification");
        services.put("collection-gateway", "collection");
        return Collections.unmodifiableMap(services);
    }

    private static Map<String, Integer> defaultPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("invoice-service", 8081);
        ports.put("payment-service", 8082);
        ports.put("dunning-service", 8083);
        ports.put("notification-service", 8084);
        ports.put("collection-gateway", 8085);
        ports.put("keycloak", 8180);
        ports.put("mailbox", 8025);
        ports.put("smtp", 2525);
        ports.put("postgres", 5432);
        ports.put("kafka", 9092);
        ports.put("kafka-controller", 9093);
        return Collections.unmodifiableMap(ports);
    }
}
