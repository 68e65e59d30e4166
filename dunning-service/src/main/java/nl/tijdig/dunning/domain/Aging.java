package nl.tijdig.dunning.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import nl.tijdig.kernel.Money;

/**
 * The aging of a tenant's receivables on a day: what is open, in buckets by days past the due date
 * (not due, 1–30, 31–60, 61–90, over 90), amounts and counts; and DSO (days sales outstanding) over a
 * period: what is open now over what was invoiced in the period, times the period's days.
 */
public final class Aging {

    /** One open claim: its due date and what is open on it. */
    public record Claim(LocalDate dueDate, Money open) {
    }

    /** One bucket: its label, bounds in days overdue (inclusive; null: no bound), total and count. */
    public record Bucket(String label, Integer from, Integer to, Money amount, int count) {
    }

    /** The report. {@code dso} is null when nothing was invoiced in the period. */
    public record Report(LocalDate on, List<Bucket> buckets, Money total, int count, int dsoPeriodDays, Money invoicedInPeriod,
            BigDecimal dso) {
    }

    private static final String[] LABELS = {"not due", "1-30", "31-60", "61-90", "90+"};
    private static final int[][] BOUNDS = {{Integer.MIN_VALUE, 0}, {1, 30}, {31, 60}, {61, 90}, {91, Integer.MAX_VALUE}};

    private Aging() {
    }

    public static Report of(LocalDate on, List<Claim> claims, Money invoicedInPeriod, int periodDays) {
        Money zero = Money.zero(invoicedInPeriod.currency());
        Money[] amounts = {zero, zero, zero, zero, zero};
        int[] counts = new int[5];
        for (Claim claim : claims) {
            long overdue = ChronoUnit.DAYS.between(claim.dueDate(), on);
            for (int i = 0; i < BOUNDS.length; i++) {
                if (overdue >= BOUNDS[i][0] && overdue <= BOUNDS[i][1]) {
                    amounts[i] = amounts[i].plus(claim.open());
                    counts[i]++;
                    break;
                }
            }
        }
        List<Bucket> buckets = new ArrayList<>();
        Money total = zero;
        for (int i = 0; i < LABELS.length; i++) {
            buckets.add(new Bucket(LABELS[i], BOUNDS[i][0] == Integer.MIN_VALUE ? null : BOUNDS[i][0],
                    BOUNDS[i][1] == Integer.MAX_VALUE ? null : BOUNDS[i][1], amounts[i], counts[i]));
            total = total.plus(amounts[i]);
        }
        BigDecimal dso = invoicedInPeriod.isPositive()
                ? total.amount().multiply(BigDecimal.valueOf(periodDays)).divide(invoicedInPeriod.amount(), 1, RoundingMode.HALF_UP)
                : null;
        return new Report(on, buckets, total, claims.size(), periodDays, invoicedInPeriod, dso);
    }
}
