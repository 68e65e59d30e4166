package nl.tijdig.runtime.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovableClockTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void a_clock_moved_reads_the_new_day_and_reset_reads_the_system_again() {
        MovableClock clock = new MovableClock(FIXED);
        clock.moveTo(NOW.plus(Duration.ofDays(60)));
        assertThat(clock.instant()).isEqualTo(NOW.plus(Duration.ofDays(60)));
        clock.reset();
        assertThat(clock.instant()).isEqualTo(NOW);
    }

    @Test
    void services_sharing_a_clock_file_move_together(@TempDir Path dir) throws Exception {
        // given two services' clocks on one shared file (the demo)
        Path file = dir.resolve("clock");
        MovableClock dunning = MovableClock.shared(FIXED, file, Duration.ZERO);
        MovableClock notification = MovableClock.shared(FIXED, file, Duration.ZERO);
        assertThat(notification.instant()).isEqualTo(NOW);
        // when one moves time on by 60 days
        dunning.moveTo(NOW.plus(Duration.ofDays(60)));
        // then the other reads it too, also in another zone, and the file says the offset
        assertThat(notification.instant()).isEqualTo(NOW.plus(Duration.ofDays(60)));
        assertThat(notification.withZone(java.time.ZoneId.of("Europe/Amsterdam")).instant()).isEqualTo(NOW.plus(Duration.ofDays(60)));
        assertThat(Files.readString(file)).isEqualTo("PT1440H");
        // and a reset by the other brings both back
        notification.reset();
        assertThat(dunning.instant()).isEqualTo(NOW);
    }

    @Test
    void an_unreadable_shared_file_leaves_the_clock_where_it_was(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("clock");
        MovableClock clock = MovableClock.shared(FIXED, file, Duration.ZERO);
        clock.moveTo(NOW.plus(Duration.ofDays(1)));
        Files.writeString(file, "next tuesday");
        assertThat(clock.instant()).isEqualTo(NOW.plus(Duration.ofDays(1)));
    }
}
