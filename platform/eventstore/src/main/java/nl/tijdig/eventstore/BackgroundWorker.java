package nl.tijdig.eventstore;

import java.time.Duration;

/**
 * A loop on a thread of its own (the outbox relay, an event consumer): started and stopped with the
 * service, never on an event-loop thread, so it may block on the database and Kafka.
 */
public abstract class BackgroundWorker implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String threadName;
    private volatile boolean running;
    private Thread thread;

    protected BackgroundWorker(String threadName) {
        this.threadName = threadName;
    }

    /** Starts the loop; does nothing when it runs. */
    public final synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks the loop to end after its current round and waits for it. Safe to call twice. */
    public final synchronized void stop() {
        running = false;
        wakeUp();
        if (thread != null) {
            try {
                thread.join(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public final void close() {
        stop();
    }

    protected final boolean running() {
        return running;
    }

    /** Runs until {@link #running()} is false. */
    protected abstract void loop();

    /** Interrupts a wait of the loop so that it sees a stop at once. */
    protected abstract void wakeUp();

    protected static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
