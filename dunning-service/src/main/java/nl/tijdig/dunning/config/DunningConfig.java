package nl.tijdig.dunning.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the dunning-service ({@code tijdig.dunning.*}). */
@ConfigMapping(prefix = "tijdig.dunning")
public interface DunningConfig {

    Scheduler scheduler();

    interface Scheduler {
        /** Whether this replica runs the scheduler (every replica may: they share the work). */
        @WithDefault("true")
        boolean enabled();

        /** How often it looks for due debtors. */
        @WithDefault("30s")
        Duration every();

        /**
         * Batches this replica works on at once (each its own transaction and connection; debtors are locked
         * {@code SKIP LOCKED}, so workers never share one). Two keep both the service and the database busy.
         */
        @WithDefault("2")
        int workers();

        /** Debtors per transaction. */
        @WithDefault("200")
        int batchSize();
    }
}
