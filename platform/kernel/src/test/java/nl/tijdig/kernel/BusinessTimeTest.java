package nl.tijdig.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BusinessTimeTest {

    @Test
    void a_payment_just_after_dutch_midnight_falls_on_the_dutch_date() {
        // given a clock at 23:30 UTC on 28 February, which is 00:30 on 1 March in Amsterdam (CET)
        Clock clock = Clock.fixed(Instant.parse("2026-02-28T23:30:00Z"), ZoneOffset.UTC);

        // then today is 1 March, whatever zone the clock or server is in
        assertThat(BusinessTime.today(clock)).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void summer_time_shifts_the_utc_start_of_a_business_day() {
        assertThat(BusinessTime.startOf(LocalDate.of(2026, 1, 15))).isEqualTo(Instant.parse("2026-01-14T23:00:00Z"));
        assertThat(BusinessTime.startOf(LocalDate.of(2026, 7, 15))).isEqualTo(Instant.parse("2026-07-14T22:00:00Z"));
        assertThat(BusinessTime.dateOf(Instant.parse("2026-07-14T22:00:00Z"))).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(BusinessTime.dateOf(Instant.parse("2026-07-14T21:59:59Z"))).isEqualTo(LocalDate.of(2026, 7, 14));
    }

    @Test
    void the_days_of_the_clock_changes_last_23_and_25_hours() {
        LocalDate springForward = LocalDate.of(2026, 3, 29);
        LocalDate fallBack = LocalDate.of(2026, 10, 25);
        assertThat(Duration.between(BusinessTime.startOf(springForward), BusinessTime.endOf(springForward))).hasHours(23);
        assertThat(Duration.between(BusinessTime.startOf(fallBack), BusinessTime.endOf(fallBack))).hasHours(25);
    }

    @Test
    void weekends_are_saturday_and_sunday() {
        assertThat(BusinessTime.isWeekend(LocalDate.of(2026, 11, 21))).isTrue(); // Saturday
        assertThat(BusinessTime.isWeekend(LocalDate.of(2026, 11, 22))).isTrue(); // Sunday
        assertThat(BusinessTime.isWeekend(LocalDate.of(2026, 11, 23))).isFalse(); // Monday
        assertThat(BusinessTime.inZone(Instant.parse("2026-11-23T08:00:00Z")).getHour()).isEqualTo(9);
    }
}
