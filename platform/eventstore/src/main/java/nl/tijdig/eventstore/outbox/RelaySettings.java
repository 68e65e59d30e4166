package nl.tijdig.eventstore.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How the relay works. {@code batchSize}: outbox rows per round; {@code idlePoll}: how long it waits
 * before it looks again at an empty outbox; {@code leaderRetry}: how often a replica that is not the
 * active relay tries to become it; {@code errorBackoff}: the pause after a failed round.
 */
public record RelaySettings(int batchSize, Duration idlePoll, Duration leaderRetry, Duration errorBackoff) {

    public static final RelaySettings DEFAULTS = new RelaySettings(500, Duration.ofMillis(50), Duration.ofSeconds(2),
            Duration.ofSeconds(1));

    public RelaySettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be 1 or more");
        }
        Objects.requireNonNull(idlePoll, "idlePoll");
        Objects.requireNonNull(leaderRetry, "leaderRetry");
        Objects.requireNonNull(errorBackoff, "errorBackoff");
    }

    public RelaySettings withBatchSize(int size) {
        return new RelaySettings(size, idlePoll, leaderRetry, errorBackoff);
    }
}
