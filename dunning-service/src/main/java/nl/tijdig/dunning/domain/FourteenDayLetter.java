package nl.tijdig.dunning.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * The deadline of the 14-dagenbrief (art. 6:96 lid 6 BW): 14 days counted from the day after the
 * letter's receipt (HR 25-11-2016, ECLI:NL:HR:2016:2704), the last day moved to the next working day
 * when it falls on a Saturday, Sunday or public holiday (Algemene termijnenwet). A posted letter is
 * presumed received on the second day after posting, not counting Sundays, Mondays and public holidays
 * (no post is delivered then); an email on the day it was sent, but only where the debtor agreed to
 * email. Sent both ways, the later receipt counts.
 */
public final class FourteenDayLetter {

    /** How the letter goes out. */
    public enum Delivery {
        POST,
        EMAIL,
        POST_AND_EMAIL
    }

    private FourteenDayLetter() {
    }

    /** The presumed day of receipt of a letter posted on {@code posted}. */
    public static LocalDate postReceipt(LocalDate posted) {
        return postReceipt(posted, Set.of());
    }

    /** As {@link #postReceipt(LocalDate)}, with the days made equal to holidays (no post either). */
    public static LocalDate postReceipt(LocalDate posted, Set<LocalDate> equalDays) {
        LocalDate day = posted;
        int counted = 0;
        while (counted < 2) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SUNDAY && day.getDayOfWeek() != DayOfWeek.MONDAY
                    && !DutchCalendar.isHoliday(day, equalDays)) {
                counted++;
            }
        }
        return day;
    }

    /** The day of receipt for a letter sent on {@code sent} this way. */
    public static LocalDate receipt(LocalDate sent, Delivery delivery, boolean emailAgreed) {
        return receipt(sent, delivery, emailAgreed, Set.of());
    }

    static LocalDate receipt(LocalDate sent, Delivery delivery, boolean emailAgreed, Set<LocalDate> equalDays) {
        if (delivery != Delivery.POST && !emailAgreed) {
            throw new IllegalArgumentException("an email counts only where the debtor agreed to email; send it by post");
        }
        return switch (delivery) {
            case POST, POST_AND_EMAIL -> postReceipt(sent, equalDays); // the later of the two: post is never earlier
            case EMAIL -> sent;
        };
    }

    /** The last day to pay: 14 days after the day of receipt, on a working day. */
    public static LocalDate deadline(LocalDate sent, Delivery delivery, boolean emailAgreed) {
        return deadline(sent, delivery, emailAgreed, Set.of());
    }

    /** As {@link #deadline(LocalDate, Delivery, boolean)}, with the days made equal to holidays (art. 3 lid 3 Atw). */
    public static LocalDate deadline(LocalDate sent, Delivery delivery, boolean emailAgreed, Set<LocalDate> equalDays) {
        return DutchCalendar.termEnd(receipt(sent, delivery, emailAgreed, equalDays).plusDays(14), equalDays);
    }
}
