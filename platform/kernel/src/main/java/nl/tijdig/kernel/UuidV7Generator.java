package nl.tijdig.kernel;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * UUID version 7 (RFC 9562 §5.7): 48 bits of Unix milliseconds from the injected clock, then 12 bits of
 * a counter (RFC 9562 §6.2, method 1) and 62 random bits. Ids from one generator are strictly
 * increasing, also within one millisecond and when the clock steps back: the timestamp then stays at
 * the last one used and the counter goes on. Thread-safe.
 */
public final class UuidV7Generator implements IdGenerator {

    private static final int COUNTER_BITS = 12;
    private static final long COUNTER_MAX = (1L << COUNTER_BITS) - 1;

    private final Clock clock;
    private final RandomGenerator random;
    private long lastMillis = -1;
    private long counter;

    public UuidV7Generator(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public synchronized UUID next() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = random.nextLong(COUNTER_MAX / 2); // leaves room to count within the millisecond
        } else if (counter < COUNTER_MAX) {
            counter++;
        } else {
            lastMillis++; // counter exhausted: borrow the next millisecond, stay monotonic
            counter = 0;
        }
        long msb = (lastMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | counter;
        long lsb = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
