package nl.tijdig.dunning.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import nl.tijdig.dunning.domain.FourteenDayLetter.Delivery;
import org.junit.jupiter.api.Test;

class FourteenDayLetterTest {

    @Test
    void a_letter_posted_on_a_thursday_is_received_on_saturday_and_the_deadline_is_14_days_later() {
        LocalDate thursday = LocalDate.of(2026, 11, 19);
        assertThat(FourteenDayLetter.postReceipt(thursday)).isEqualTo(LocalDate.of(2026, 11, 21)); // Fri, Sat
        // 21 + 14 = 5 December (a Saturday): the term runs to Monday 7 December
        assertThat(FourteenDayLetter.deadline(thursday, Delivery.POST, false)).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void sundays_mondays_and_holidays_do_not_count_for_posted_letters() {
        LocalDate friday = LocalDate.of(2026, 11, 20);
        assertThat(FourteenDayLetter.postReceipt(friday)).isEqualTo(LocalDate.of(2026, 11, 24)); // Sat, (Sun, Mon), Tue
        LocalDate beforeEaster = LocalDate.of(2026, 4, 2); // Thursday; Good Friday is no holiday of the Atw
        assertThat(FourteenDayLetter.postReceipt(beforeEaster)).isEqualTo(LocalDate.of(2026, 4, 4)); // Fri, Sat
        LocalDate beforeWhitsun = LocalDate.of(2026, 5, 22); // Friday; Sat, (Sun, Whit Monday), Tue
        assertThat(FourteenDayLetter.postReceipt(beforeWhitsun)).isEqualTo(LocalDate.of(2026, 5, 26));
        // a day the operator made equal to a holiday counts as one
        assertThat(FourteenDayLetter.postReceipt(beforeEaster, java.util.Set.of(LocalDate.of(2026, 4, 3))))
                .isEqualTo(LocalDate.of(2026, 4, 7)); // (Fri), Sat, (Sun, Easter Mon), Tue
    }

    @Test
    void an_email_counts_on_the_day_it_was_sent_only_where_the_debtor_agreed() {
        LocalDate tuesday = LocalDate.of(2026, 11, 24);
        assertThat(FourteenDayLetter.deadline(tuesday, Delivery.EMAIL, true)).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThatThrownBy(() -> FourteenDayLetter.deadline(tuesday, Delivery.EMAIL, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sent_both_ways_the_later_receipt_counts() {
        LocalDate tuesday = LocalDate.of(2026, 11, 24);
        assertThat(FourteenDayLetter.deadline(tuesday, Delivery.POST_AND_EMAIL, true))
                .isEqualTo(FourteenDayLetter.deadline(tuesday, Delivery.POST, false));
    }

    @Property
    void a_posted_letter_always_leaves_at_least_sixteen_days_and_the_deadline_is_a_working_day(
            @ForAll @LongRange(min = 0, max = 3650) long offset) {
        LocalDate posted = LocalDate.of(2024, 1, 1).plusDays(offset);
        LocalDate deadline = FourteenDayLetter.deadline(posted, Delivery.POST, false);
        assertThat(deadline).isAfterOrEqualTo(posted.plusDays(16));
        assertThat(deadline.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(DutchCalendar.isHoliday(deadline)).isFalse();
    }
}
