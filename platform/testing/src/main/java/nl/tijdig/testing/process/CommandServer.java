package nl.tijdig.testing.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.tijdig.testing.servers.Signals;

/**
 * A server that is not a Java main of ours (Keycloak's {@code kc.sh}, a packaged service's
 * {@code java -jar}), run under {@code CommandSupervisorMain} so that it never outlives the tests, and
 * ready when an HTTP URL answers 200.
 */
public abstract class CommandServer extends SupervisedServer {

    protected CommandServer(String name) {
        super(name);
    }

    protected CommandServer(String name, java.nio.file.Path workDir) {
        super(name, workDir);
    }

    @Override
    public final List<ProcessHandle> serverProcesses() {
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
    protected final String mainClass() {
        return "nl.tijdig.testing.servers.CommandSupervisorMain";
    }

    /** Waits until {@code url} answers 200; fails with the log's tail when the server dies or time runs out. */
    protected final void awaitHttpOk(URI url, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = 0;
        while (System.nanoTime() < deadline) {
            if (!isRunning()) {
                throw new IllegalStateException(name + " exited while starting; its log ends with:\n" + child().tail(60));
            }
            try {
                last = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
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
        throw new IllegalStateException(name + " was not ready within " + timeout + " (last answer " + last + " from "
                + url + "); its log ends with:\n" + child().tail(60));
    }
}
