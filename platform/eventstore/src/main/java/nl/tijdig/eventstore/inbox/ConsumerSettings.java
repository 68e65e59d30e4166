package nl.tijdig.eventstore.inbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How a consumer works. {@code attempts}: tries of one event before it is dead-lettered;
 * {@code backoff}: the pause between tries, doubled each time; {@code maxPollRecords}: events per
 * batch (one transaction per batch when nothing fails).
 */
public record ConsumerSettings(int attempts, Duration backoff, int maxPollRecords, Duration pollTimeout) {

    public static final ConsumerSettings DEFAULTS = new ConsumerSettings(3, Duration.ofMillis(200), 500,
            Duration.ofMillis(200));

    public ConsumerSettings {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be 1 or more");
        }
        Objects.requireNonNull(backoff, "backoff");
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("maxPollRecords must be 1 or more");
        }
        Objects.requireNonNull(pollTimeout, "pollTimeout");
    }
}
