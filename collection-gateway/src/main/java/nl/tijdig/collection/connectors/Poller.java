package nl.tijdig.collection.connectors;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** A worker's loop: its task on its own daemon thread every {@code poll}, a failure logged and the next round run. */
final class Poller implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Poller.class);

    private final ScheduledExecutorService executor;

    private Poller(String name, Duration poll, Runnable task) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "%s: %s", name, e.getMessage());
            }
        }, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    static Poller every(String name, Duration poll, Runnable task) {
        return new Poller(name, poll, task);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** The wait after the n-th failed attempt (and the lease of the n-th attempt): {@code first}, doubling, at most an hour. */
    static Duration backoff(Duration first, int attempt) {
        Duration wait = first.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
    }
}
