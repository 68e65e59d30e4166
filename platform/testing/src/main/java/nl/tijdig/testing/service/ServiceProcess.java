package nl.tijdig.testing.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.tijdig.testing.process.Ports;
import nl.tijdig.testing.process.SupervisedServer;
import nl.tijdig.testing.servers.Signals;

/**
 * A packaged Tijdig service ({@code <module>/target/quarkus-app/quarkus-run.jar}, as the build makes
 * it) running in its own JVM under a supervisor of ours, configured by system properties (database,
 * broker, Keycloak), on a free port. Ready when {@code /q/health/ready} answers 200.
 */
public final class ServiceProcess extends SupervisedServer {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Path jar;
    private final Map<String, String> properties;
    private final int port = Ports.free();

    private ServiceProcess(String name, Path jar, Map<String, String> properties) {
        super(name);
        this.jar = jar.toAbsolutePath();
        this.properties = properties;
    }

    /** Starts the service packaged in {@code moduleDir} with these Quarkus/Tijdig properties. */
    public static ServiceProcess startNew(String name, Path moduleDir, Map<String, String> properties) {
        Path jar = moduleDir.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged " + name + " at " + jar.toAbsolutePath()
                    + " (the build packages it before this module's tests)");
        }
        ServiceProcess service = new ServiceProcess(name, jar, properties);
        service.start();
        return service;
    }

    /** e.g. {@code http://127.0.0.1:41235}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String log() {
        return child().tail(200);
    }

    @Override
    public List<ProcessHandle> serverProcesses() {
        if (child() == null) {
            return List.of();
        }
        List<ProcessHandle> all = new ArrayList<>();
        ProcessHandle.of(child().pid()).ifPresent(supervisor -> {
            all.addAll(supervisor.descendants().toList());
            all.add(supervisor);
        });
        return all;
    }

    @Override
    protected String mainClass() {
        return "nl.tijdig.testing.servers.CommandSupervisorMain";
    }

    @Override
    protected List<String> arguments() {
        List<String> command = new ArrayList<>(List.of(workDir.toString(), "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    @Override
    protected void ready(String readyLine) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create(url() + "/q/health/ready");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        int last = 0;
        while (System.nanoTime() < deadline) {
            if (!isRunning()) {
                throw new IllegalStateException(name + " exited while starting; its log ends with:\n" + child().tail(60));
            }
            try {
                last = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Signals.sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT + " (last health " + last
                + "); its log ends with:\n" + child().tail(60));
    }
}
