package nl.tijdig.dunning.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import nl.tijdig.kernel.Easter;

/**
 * The generally recognised holidays of the Algemene termijnenwet (art. 3 lid 1): Nieuwjaarsdag, Paasmaandag
 * (the Christian second Easter day), Koningsdag (27 April, or 26 April when the 27th is a Sunday), Bevrijdingsdag
 * (5 May), Hemelvaartsdag, Pinkstermaandag, and Christmas (25 and 26 December); Easter Sunday computed (the
 * Gregorian computus). Goede Vrijdag is not one of them. Days the minister makes equal to them (art. 3 lid 3)
 * are data: the operator adds them ({@code equalDays}), and every term uses them. With the law's rule that a term
 * ending on a Saturday, Sunday or holiday runs until the next day that is none of those (art. 1).
 */
public final class DutchCalendar {

    /** A holiday: its date and its Dutch name. */
    public record Holiday(LocalDate date, String name) {
    }

    private DutchCalendar() {
    }

    /** The holidays of a year, in date order. */
    public static List<Holiday> holidays(int year) {
        LocalDate easter = easter(year);
        LocalDate kingsDay = LocalDate.of(year, Month.APRIL, 27);
        if (kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY) {
            kingsDay = kingsDay.minusDays(1);
        }
        List<Holiday> holidays = new ArrayList<>(List.of(
                new Holiday(LocalDate.of(year, Month.JANUARY, 1), "Nieuwjaarsdag"),
                new Holiday(easter.plusDays(1), "Paasmaandag"),
                new Holiday(kingsDay, "Koningsdag"),
                new Holiday(LocalDate.of(year, Month.MAY, 5), "Bevrijdingsdag"),
                new Holiday(easter.plusDays(39), "Hemelvaartsdag"),
                new Holiday(easter.plusDays(50), "Pinkstermaandag"),
                new Holiday(LocalDate.of(year, Month.DECEMBER, 25), "Eerste Kerstdag"),
                new Holiday(LocalDate.of(year, Month.DECEMBER, 26), "Tweede Kerstdag")));
        holidays.sort(Comparator.comparing(Holiday::date));
        return List.copyOf(holidays);
    }

    public static boolean isHoliday(LocalDate date) {
        return isHoliday(date, Set.of());
    }

    /** A holiday of the law, or a day made equal to one ({@code equalDays}, art. 3 lid 3). */
    public static boolean isHoliday(LocalDate date, Set<LocalDate> equalDays) {
        return equalDays.contains(date) || holidays(date.getYear()).stream().anyMatch(h -> h.date().equals(date));
    }

    /** Easter Sunday (the anonymous Gregorian algorithm, {@link Easter}). */
    public static LocalDate easter(int year) {
        return Easter.sunday(year);
    }

    /** Whether a term may end on this day: not a Saturday, Sunday or public holiday. */
    public static boolean isWorkingDay(LocalDate date) {
        return isWorkingDay(date, Set.of());
    }

    /** As {@link #isWorkingDay(LocalDate)}, with the days made equal to holidays. */
    public static boolean isWorkingDay(LocalDate date, Set<LocalDate> equalDays) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isHoliday(date, equalDays);
    }

    /** A term's last day, moved to the next working day when it is none (Algemene termijnenwet art. 1). */
    public static LocalDate termEnd(LocalDate lastDay) {
        return termEnd(lastDay, Set.of());
    }

    /** As {@link #termEnd(LocalDate)}, with the days made equal to holidays. */
    public static LocalDate termEnd(LocalDate lastDay, Set<LocalDate> equalDays) {
        LocalDate end = lastDay;
        while (!isWorkingDay(end, equalDays)) {
            end = end.plusDays(1);
        }
        return end;
    }
}
