package nl.tijdig.dunning.store;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.tijdig.dunning.config.DunningConfig;
import org.jboss.logging.Logger;

/** Runs the {@link Scheduler} every {@code tijdig.dunning.scheduler.every} on a thread of its own. */
@ApplicationScoped
public class SchedulerJob {

    private static final Logger LOG = Logger.getLogger(SchedulerJob.class);

    @Inject
    Scheduler scheduler;

    @Inject
    DunningConfig config;

    private ScheduledExecutorService executor;

    void start(@Observes StartupEvent event) {
        if (config.scheduler().workers() < 1 || config.scheduler().batchSize() < 1) {
            throw new IllegalStateException("tijdig.dunning.scheduler.workers and .batch-size must be 1 or more, were "
                    + config.scheduler().workers() + " and " + config.scheduler().batchSize());
        }
        if (!config.scheduler().enabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tijdig-dunning-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.scheduler().every().toMillis();
        executor.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void runOnce() {
        try {
            Scheduler.Run run = scheduler.runOnce(config.scheduler().batchSize()).await().atMost(Duration.ofMinutes(10));
            if (run.debtors() > 0 || run.waiting() > 0) {
                LOG.infof("dunning run %s: %d debtors, %d letters, %d phone calls, %d approvals asked, %d escalated, "
                        + "%d waiting for contact or creditor data, in %d ms", run.day(), run.debtors(), run.letters(),
                        run.phoneCalls(), run.approvals(), run.escalations(), run.waiting(),
                        Duration.between(run.startedAt(), run.finishedAt()).toMillis());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "dunning run failed: %s", e.getMessage());
        }
    }
}
