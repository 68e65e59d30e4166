package nl.tijdig.collection.connectors;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.tijdig.collection.config.CollectionConfig;
import org.jboss.logging.Logger;

/**
 * A worker's loop: its tasks on its own daemon thread every {@code poll}, one after the other; a task that fails is
 * logged, and the others and the next round run.
 */
final class Poller implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Poller.class);

    private final ScheduledExecutorService executor;

    private Poller(String name, Duration poll, Runnable... tasks) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            for (Runnable task : tasks) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warnf(e, "%s: %s", name, e.getMessage());
                }
            }
        }, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    static Poller every(String name, Duration poll, Runnable... tasks) {
        return new Poller(name, poll, tasks);
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

    /**
     * Claims work in batches until none is due, doing each item; an item that fails is logged ({@code what} names it)
     * and left to its lease.
     */
    static <T> void drain(java.util.function.Supplier<java.util.List<T>> claim, java.util.function.Consumer<T> work,
            java.util.function.Function<T, String> what) {
        java.util.List<T> claimed;
        do {
            claimed = claim.get();
            for (T item : claimed) {
                try {
                    work.accept(item);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "%s: %s", what.apply(item), e.getMessage());
                }
            }
        } while (!claimed.isEmpty());
    }

    /** The lease of the n-th attempt of a call to a partner: its back-off plus the call's timeout. */
    static java.util.function.IntFunction<Duration> lease(CollectionConfig.HandOver settings) {
        return attempt -> backoff(settings.firstRetry(), attempt).plus(settings.timeout());
    }
}
