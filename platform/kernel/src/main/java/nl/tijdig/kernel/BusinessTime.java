package nl.tijdig.kernel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Business dates are dates in the Netherlands: a due date, a letter's date, the day a term ends. An
 * instant becomes a business date in Europe/Amsterdam, never in UTC or the server's zone, so that an
 * invoice paid at 00:30 on 1 March Dutch time is paid on 1 March (not 28 February in UTC). Time comes
 * only from an injected {@link Clock}.
 */
public final class BusinessTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private BusinessTime() {
    }

    /** Today's business date by the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The business date on which an instant falls. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(Objects.requireNonNull(instant, "instant"), ZONE);
    }

    /** The first instant of a business date (midnight in Amsterdam, whatever the offset that day). */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    /** The first instant after a business date: the end of the day, exclusive. */
    public static Instant endOf(LocalDate date) {
        return startOf(date.plusDays(1));
    }

    /** An instant seen on the Dutch wall clock. */
    public static ZonedDateTime inZone(Instant instant) {
        return Objects.requireNonNull(instant, "instant").atZone(ZONE);
    }

    /** True on Saturdays and Sundays. Public holidays come from the dunning calendar, not from here. */
    public static boolean isWeekend(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY, SUNDAY -> true;
            default -> false;
        };
    }
}
