package nl.tijdig.runtime.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with the system clock but can be moved, for tests and demos only
 * ({@code tijdig.clock.movable=true}): a test sets "now" to a day and sees what the service does then. With
 * {@code tijdig.clock.shared-file} the offset is shared through that file by every service on the machine, so moving
 * one moves the whole platform (the demo). Never enabled in production.
 */
public final class MovableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;
    private final SharedOffset shared;

    public MovableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO), null);
    }

    /**
     * A clock whose offset is shared through a file with every other clock made on it (the demo's one business time
     * for all services); changes are seen within {@code recheck}.
     */
    public static MovableClock shared(Clock base, java.nio.file.Path file, Duration recheck) {
        return new MovableClock(base, null, new SharedOffset(file, recheck));
    }

    private MovableClock(Clock base, AtomicReference<Duration> offset, SharedOffset shared) {
        this.base = base;
        this.offset = offset;
        this.shared = shared;
    }

    /** From now on the clock reads {@code now} (and runs on from there). */
    public void moveTo(Instant now) {
        set(Duration.between(base.instant(), now));
    }

    /** Back to the system clock. */
    public void reset() {
        set(Duration.ZERO);
    }

    private void set(Duration next) {
        if (shared != null) {
            shared.set(next);
        } else {
            offset.set(next);
        }
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(base.withZone(zone), offset, shared);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(shared != null ? shared.get() : offset.get());
    }
}
