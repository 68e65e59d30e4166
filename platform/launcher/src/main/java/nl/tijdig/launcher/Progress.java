package nl.tijdig.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the launcher tells the person waiting: a line when a part starts, one when it is ready (with how long it
 * took), and every {@code heartbeat} a line naming what it still waits for.
 */
public final class Progress implements AutoCloseable {

    private final PrintStream out;
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat;

    public Progress(PrintStream out, Duration every) {
        this.out = out;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "progress");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleAtFixedRate(this::waiting, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A progress that says nothing (tests). */
    public static Progress silent() {
        return new Progress(new PrintStream(java.io.OutputStream.nullOutputStream()), Duration.ofHours(1));
    }

    public void say(String line) {
        out.println(line);
        out.flush();
    }

    /** Runs one part's start, saying when it begins and when it is ready. */
    public <T> T step(String part, String detail, java.util.function.Supplier<T> start) {
        started.put(part, System.nanoTime());
        say(String.format(Locale.ROOT, "  starting %-22s %s", part, detail));
        T result = start.get();
        long took = System.nanoTime() - started.remove(part);
        say(String.format(Locale.ROOT, "  ready    %-22s in %.1f s", part, took / 1e9));
        return result;
    }

    void forget(String part) {
        started.remove(part);
    }

    private void waiting() {
        if (started.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        StringBuilder line = new StringBuilder("  waiting for");
        started.forEach((part, since) -> line.append(String.format(Locale.ROOT, " %s (%d s)", part,
                TimeUnit.NANOSECONDS.toSeconds(now - since))));
        say(line.toString());
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
    }
}
