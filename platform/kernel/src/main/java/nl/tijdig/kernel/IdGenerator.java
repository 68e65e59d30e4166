package nl.tijdig.kernel;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Assigns identifiers. Injected like a {@link Clock}, so tests can make ids predictable; production
 * uses {@link #uuidV7(Clock)}: time-ordered UUIDs that keep database indexes and Kafka keys local.
 */
@FunctionalInterface
public interface IdGenerator {

    UUID next();

    static IdGenerator uuidV7(Clock clock) {
        return new UuidV7Generator(clock, new SecureRandom());
    }
}
