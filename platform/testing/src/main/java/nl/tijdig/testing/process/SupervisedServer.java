package nl.tijdig.testing.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.tijdig.testing.servers.ParentLink;
import nl.tijdig.testing.servers.Signals;

/**
 * A real server in a child process that tests can start, stop, kill -9, pause and resume, and that
 * never outlives the JVM that started it. The data survive a stop or a kill, so a restart finds them
 * (as after a crash); {@link #close()} ends the server and deletes them.
 */
public abstract class SupervisedServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    protected final String name;
    protected final Path workDir;
    private ChildJvm child;
    private boolean paused;

    /** A server in a new work directory of its own under {@code tijdig.test.infrastructure-dir}. */
    protected SupervisedServer(String name) {
        this(name, Path.of(System.getProperty("tijdig.test.infrastructure-dir", "target/tijdig-infrastructure"))
                .resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    /**
     * A server in this work directory (its log and data): a later server in the same directory finds the data, as
     * the platform's run command does on a second start.
     */
    protected SupervisedServer(String name, Path workDir) {
        this.name = name;
        this.workDir = workDir.toAbsolutePath();
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server, or does nothing when it runs. Blocks until it is ready. */
    public final synchronized void start() {
        if (isRunning()) {
            return;
        }
        int from = ChildJvm.lines(logFile()); // a placed server's log goes on from its last start
        child = ChildJvm.start(name, InfrastructureClasspath.get(),
                List.of("-Xms32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"),
                mainClass(), arguments(), logFile());
        paused = false;
        try {
            ready(child.awaitLine(ParentLink.READY, from, READY_TIMEOUT));
        } catch (RuntimeException e) {
            child.kill();
            throw e;
        }
    }

    /** Stops the server gracefully and waits for it to be gone. */
    public final synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        resume();
        List<ProcessHandle> server = serverProcesses();
        child.send(ParentLink.STOP);
        if (!child.waitFor(STOP_TIMEOUT)) {
            child.kill();
        }
        Signals.awaitGone(server, STOP_TIMEOUT);
    }

    /** Ends the server with SIGKILL, as a crash would, and waits for it to be gone. */
    public final synchronized void kill() {
        if (!isRunning()) {
            return;
        }
        List<ProcessHandle> server = serverProcesses();
        Signals.send("KILL", server);
        Signals.awaitGone(server, STOP_TIMEOUT);
        child.abandon();
        if (!child.waitFor(STOP_TIMEOUT)) {
            child.kill();
        }
        paused = false;
    }

    /** Freezes the server (SIGSTOP): connections stay open but nothing answers. */
    public final synchronized void pause() {
        if (isRunning() && !paused) {
            Signals.send("STOP", serverProcesses());
            paused = true;
        }
    }

    /** Lets a paused server go on (SIGCONT). */
    public final synchronized void resume() {
        if (isRunning() && paused) {
            Signals.send("CONT", serverProcesses());
            paused = false;
        }
    }

    /** Stops (if running) and starts again on the same port and data. */
    public final synchronized void restart() {
        stop();
        start();
    }

    public final synchronized boolean isRunning() {
        return child != null && child.isAlive();
    }

    /** The server's own processes (for signals): the child JVM, or what it supervises. */
    public abstract List<ProcessHandle> serverProcesses();


    /** Ends the server at once and deletes its data; the log stays in the work directory. */
    @Override
    public final synchronized void close() {
        if (isRunning()) {
            resume();
            List<ProcessHandle> server = serverProcesses();
            child.abandon();
            if (!child.waitFor(STOP_TIMEOUT)) {
                child.kill();
            }
            Signals.send("KILL", server.stream().filter(ProcessHandle::isAlive).toList());
        }
        Folders.deleteRecursively(dataDir());
    }

    /** The server's log file. */
    public final Path logFile() {
        return workDir.resolve(name + ".log");
    }

    protected final ChildJvm child() {
        return child;
    }

    protected Path dataDir() {
        return workDir.resolve("data");
    }

    protected abstract String mainClass();

    protected abstract List<String> arguments();

    /** Called with the child's ready line ({@code TIJDIG-READY ...}). */
    protected abstract void ready(String readyLine);

    protected static String field(String readyLine, String key) {
        for (String part : readyLine.split(" ")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        throw new IllegalStateException("no " + key + " in '" + readyLine + "'");
    }
}
