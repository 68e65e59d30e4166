package nl.tijdig.testing.process;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.tijdig.testing.servers.Signals;

/**
 * A Java process started by this JVM whose standard input stays a pipe from us: when this JVM ends,
 * however it ends (even by SIGKILL), the pipe closes and the child's {@link nl.tijdig.testing.servers.ParentLink} ends it.
 * Its output goes to a log file; readiness is a line it prints there.
 */
public final class ChildJvm {

    private static final Duration POLL = Duration.ofMillis(25);

    /**
     * When true, children run in a session of their own ({@code setsid}), so a Ctrl-C in the terminal reaches only
     * this JVM, which then stops them in order (the run command); the pipe still ends them if this JVM dies.
     */
    public static final String NEW_SESSION = "tijdig.children.new-session";
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path log;
    private final OutputStream stdin;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stdin = process.getOutputStream();
    }

    /** Starts {@code mainClass} in a new JVM of the running Java, output appended to {@code log}. */
    public static ChildJvm start(String name, String classpath, List<String> jvmOptions, String mainClass,
            List<String> args, Path log) {
        List<String> command = new ArrayList<>();
        if (Boolean.getBoolean(NEW_SESSION) && Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ChildJvm(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }


    /**
     * Waits until the child prints a line starting with {@code prefix} (after {@code fromLine} lines of
     * the log) and returns that line; fails with the log's tail when the child dies or time runs out.
     */
    public String awaitLine(String prefix, int fromLine, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> line = lines().stream().skip(fromLine).filter(l -> l.startsWith(prefix)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + " before it was ready; its log " + log + " ends with:\n" + tail(40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready within " + timeout + "; its log " + log
                        + " ends with:\n" + tail(40));
            }
            Signals.sleep(POLL);
        }
    }

    /** Number of lines in the log now: pass it to {@link #awaitLine} to wait for a new line only. */
    public int logLines() {
        return lines().size();
    }

    /** Sends a command line to the child's {@link nl.tijdig.testing.servers.ParentLink}. */
    public void send(String command) {
        try {
            stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + name, e);
        }
    }

    /** Closes the pipe, as the death of this JVM would: the child ends fast. */
    public void abandon() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already closed: the child is gone
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    public boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Lines in a log file now (0 when there is none). */
    public static int lines(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.ISO_8859_1).size() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String tail(int count) {
        List<String> lines = lines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    private List<String> lines() {
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.ISO_8859_1) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
