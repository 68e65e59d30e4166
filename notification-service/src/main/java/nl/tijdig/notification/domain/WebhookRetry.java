package nl.tijdig.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * When a failed webhook delivery is tried again: after the n-th failed attempt of a round, after the n-th
 * delay of the schedule, varied by ±{@code jitter} (so that deliveries failing together do not return
 * together); after the schedule, the delivery is dead-lettered (it waits for a replay). The default schedule
 * (1 min, 5 min, 30 min, 2 h, 5 h, 10 h, 24 h, 24 h) spans about 2.7 days over 9 attempts. An endpoint that
 * failed every attempt for {@code disableAfter} is disabled.
 */
public record WebhookRetry(List<Duration> schedule, double jitter, Duration disableAfter) {

    /** What follows a failed attempt. */
    public sealed interface Next permits RetryAt, DeadLetter {
    }

    public record RetryAt(Instant at) implements Next {
    }

    public record DeadLetter() implements Next {
    }

    public WebhookRetry {
        schedule = List.copyOf(schedule);
        Objects.requireNonNull(disableAfter, "disableAfter");
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be at least 0 and below 1");
        }
        if (schedule.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("every delay of the schedule must be positive");
        }
    }

    /**
     * @param attempt the failed attempt's number within its round (1 = the first)
     * @param random a number in [0, 1) drawn for the jitter
     */
    public Next afterFailure(int attempt, Instant now, double random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
        if (attempt > schedule.size()) {
            return new DeadLetter();
        }
        long delay = schedule.get(attempt - 1).toMillis();
        long varied = Math.max(1, Math.round(delay * (1 + jitter * (2 * random - 1))));
        return new RetryAt(now.plusMillis(varied));
    }

    /** How many attempts a round has: the first and one per delay. */
    public int attemptsPerRound() {
        return schedule.size() + 1;
    }

    /** Whether an endpoint failing since then is to be disabled now. */
    public boolean disable(Instant failingSince, Instant now) {
        return failingSince != null && !failingSince.plus(disableAfter).isAfter(now);
    }
}
