package nl.tijdig.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7GeneratorTest {

    private static final Instant T = Instant.parse("2026-11-23T09:15:30.123Z");

    @Test
    void ids_carry_version_7_variant_2_and_the_clock_millis() {
        IdGenerator ids = new UuidV7Generator(Clock.fixed(T, ZoneOffset.UTC), new SplittableRandom(1));

        UUID id = ids.next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(T.toEpochMilli());
    }

    @Test
    void ids_increase_strictly_within_one_millisecond_and_when_the_clock_steps_back() {
        MovableClock clock = new MovableClock(T);
        IdGenerator ids = new UuidV7Generator(clock, new SplittableRandom(2));
        List<UUID> issued = new ArrayList<>();

        for (int i = 0; i < 10_000; i++) { // more than the 12-bit counter holds
            issued.add(ids.next());
        }
        clock.now = T.minusSeconds(5);
        for (int i = 0; i < 10; i++) {
            issued.add(ids.next());
        }

        for (int i = 1; i < issued.size(); i++) {
            assertThat(compareUnsigned(issued.get(i - 1), issued.get(i))).as("id %d", i).isNegative();
        }
    }

    @Test
    void the_same_seed_and_clock_give_the_same_ids() {
        Clock clock = Clock.fixed(T, ZoneOffset.UTC);
        assertThat(new UuidV7Generator(clock, new SplittableRandom(3)).next())
                .isEqualTo(new UuidV7Generator(clock, new SplittableRandom(3)).next());
    }

    private static int compareUnsigned(UUID a, UUID b) {
        int msb = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return msb != 0 ? msb : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
