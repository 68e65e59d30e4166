package nl.tijdig.dunning.store;

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

        /** Debtors per transaction. */
        @WithDefault("200")
        int batchSize();
    }
}
