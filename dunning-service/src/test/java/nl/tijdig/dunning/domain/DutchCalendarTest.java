package nl.tijdig.dunning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DutchCalendarTest {

    @Test
    void the_holidays_of_2026_are_the_algemene_termijnenwet_ones_and_good_friday_is_none() {
        assertThat(DutchCalendar.holidays(2026)).extracting(h -> h.date() + " " + h.name()).containsExactly(
                "2026-01-01 Nieuwjaarsdag",
                "2026-04-06 Paasmaandag",
                "2026-04-27 Koningsdag",
                "2026-05-05 Bevrijdingsdag",
                "2026-05-14 Hemelvaartsdag",
                "2026-05-25 Pinkstermaandag",
                "2026-12-25 Eerste Kerstdag",
                "2026-12-26 Tweede Kerstdag");
    }

    @Test
    void kings_day_moves_to_the_saturday_when_the_27th_is_a_sunday() {
        assertThat(DutchCalendar.isHoliday(LocalDate.of(2025, 4, 26))).isTrue(); // 27 April 2025 is a Sunday
        assertThat(DutchCalendar.isHoliday(LocalDate.of(2025, 4, 27))).isFalse();
        assertThat(DutchCalendar.isHoliday(LocalDate.of(2031, 4, 26))).isTrue(); // and 2031
    }

    @Test
    void easter_of_known_years() {
        assertThat(DutchCalendar.easter(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(DutchCalendar.easter(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(DutchCalendar.easter(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(DutchCalendar.easter(2038)).isEqualTo(LocalDate.of(2038, 4, 25)); // the latest possible
        assertThat(DutchCalendar.easter(2285)).isEqualTo(LocalDate.of(2285, 3, 22)); // the earliest possible
    }

    @Property
    void easter_is_a_sunday_between_22_march_and_25_april(@ForAll @IntRange(min = 1900, max = 2400) int year) {
        LocalDate easter = DutchCalendar.easter(year);
        assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(easter).isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
    }

    @Property
    void every_year_has_eight_holidays_and_kings_day_is_never_a_sunday(@ForAll @IntRange(min = 1990, max = 2200) int year) {
        assertThat(DutchCalendar.holidays(year)).hasSize(8)
                .filteredOn(h -> h.name().equals("Koningsdag"))
                .allSatisfy(h -> assertThat(h.date().getDayOfWeek()).isNotEqualTo(DayOfWeek.SUNDAY));
    }

    @Test
    void a_term_ending_on_a_weekend_or_holiday_runs_to_the_next_working_day() {
        assertThat(DutchCalendar.termEnd(LocalDate.of(2026, 11, 21))).isEqualTo(LocalDate.of(2026, 11, 23)); // Saturday
        assertThat(DutchCalendar.termEnd(LocalDate.of(2026, 12, 25))).isEqualTo(LocalDate.of(2026, 12, 28)); // Christmas, then the weekend
        assertThat(DutchCalendar.termEnd(LocalDate.of(2026, 11, 24))).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void a_day_made_equal_to_a_holiday_moves_a_term_as_a_holiday_does() {
        // given the operator made Friday 24 December 2027 equal to a holiday (Algemene termijnenwet art. 3 lid 3)
        java.util.Set<LocalDate> equal = java.util.Set.of(LocalDate.of(2027, 12, 24));
        // then a term ending that day runs to Monday 27 December (25, 26 are Christmas, a weekend too)
        assertThat(DutchCalendar.termEnd(LocalDate.of(2027, 12, 24))).isEqualTo(LocalDate.of(2027, 12, 24));
        assertThat(DutchCalendar.termEnd(LocalDate.of(2027, 12, 24), equal)).isEqualTo(LocalDate.of(2027, 12, 27));
        assertThat(DutchCalendar.isWorkingDay(LocalDate.of(2027, 12, 24), equal)).isFalse();
    }
}
