package nl.tijdig.runtime.backbone;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the event backbone in a service ({@code tijdig.backbone.*}). */
@ConfigMapping(prefix = "tijdig.backbone")
public interface BackboneConfig {

    Outbox outbox();

    Consumers consumers();

    Groups groupCommit();

    /** Requests that contend for one tenant's rows (its number counter) share transactions ({@code GroupCommit}). */
    interface Groups {
        /** The most requests one shared transaction takes. */
        @WithDefault("100")
        int maxGroup();
    }

    interface Outbox {
        /** Whether this replica runs a relay (only one is active at a time anyway). */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("500")
        int batchSize();

        /** How long the relay waits before it looks again at an empty outbox. */
        @WithDefault("50ms")
        Duration idlePoll();

        /** How often a replica that is not the active relay tries to become it. */
        @WithDefault("2s")
        Duration leaderRetry();
    }

    interface Consumers {
        @WithDefault("true")
        boolean enabled();

        /** Tries of one event before it is dead-lettered. */
        @WithDefault("5")
        int attempts();

        /** Pause between tries, doubled each time. */
        @WithDefault("500ms")
        Duration backoff();

        @WithDefault("500")
        int maxPollRecords();
    }
}
