package nl.tijdig.testing.service;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.tijdig.testing.process.Ports;
import nl.tijdig.testing.process.CommandServer;

/**
 * A packaged Tijdig service ({@code <module>/target/quarkus-app/quarkus-run.jar}, as the build makes
 * it) running in its own JVM under a supervisor of ours, configured by system properties (database,
 * broker, Keycloak), on a free port. Ready when {@code /q/health/ready} answers 200.
 */
public final class ServiceProcess extends CommandServer {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Path jar;
    private final Map<String, String> properties;
    private final List<String> jvmOptions;
    private final int port;

    private ServiceProcess(String name, Path jar, Map<String, String> properties, List<String> jvmOptions) {
        super(name);
        this.port = Ports.free();
        this.jar = jar.toAbsolutePath();
        this.properties = properties;
        this.jvmOptions = jvmOptions;
    }

    private ServiceProcess(String name, Path workDir, int port, Path jar, Map<String, String> properties,
            List<String> jvmOptions) {
        super(name, workDir);
        this.port = port;
        this.jar = jar.toAbsolutePath();
        this.properties = properties;
        this.jvmOptions = jvmOptions;
    }

    /** Starts the service packaged in {@code moduleDir} in {@code workDir} (its log) on this port. */
    public static ServiceProcess startAt(String name, Path moduleDir, Path workDir, int port,
            Map<String, String> properties, List<String> jvmOptions) {
        ServiceProcess service = new ServiceProcess(name, workDir, port, packaged(name, moduleDir), properties,
                List.copyOf(jvmOptions));
        service.start();
        return service;
    }

    /** Starts the service packaged in {@code moduleDir} with these Quarkus/Tijdig properties, in a small JVM. */
    public static ServiceProcess startNew(String name, Path moduleDir, Map<String, String> properties) {
        return startNew(name, moduleDir, properties, List.of("-Xmx384m", "-XX:+UseSerialGC"));
    }

    /** As {@link #startNew(String, Path, Map)}, with these JVM options (heap, collector) instead. */
    public static ServiceProcess startNew(String name, Path moduleDir, Map<String, String> properties, List<String> jvmOptions) {
        ServiceProcess service = new ServiceProcess(name, packaged(name, moduleDir), properties, List.copyOf(jvmOptions));
        service.start();
        return service;
    }

    private static Path packaged(String name, Path moduleDir) {
        Path jar = moduleDir.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged " + name + " at " + jar.toAbsolutePath()
                    + " (the build packages it: ./mvnw install -DskipTests)");
        }
        return jar;
    }

    public int port() {
        return port;
    }

    /** e.g. {@code http://127.0.0.1:41235}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String log() {
        return child().tail(200);
    }

    @Override
    protected List<String> arguments() {
        List<String> command = new ArrayList<>(List.of(workDir.toString(), "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    @Override
    protected void ready(String readyLine) {
        awaitHttpOk(URI.create(url() + "/q/health/ready"), READY_TIMEOUT);
    }
}
