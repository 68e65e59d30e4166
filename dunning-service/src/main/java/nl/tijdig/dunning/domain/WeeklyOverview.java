package nl.tijdig.dunning.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nl.tijdig.events.WeeklyOverviewCompiled;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * The tenant's weekly overview (seed 001: a weekly overview of all open invoices and payments, so the
 * creditor acts sooner) compiled from its open claims on a day: aging and DSO ({@link Aging}), what was
 * paid and what fell due in the 7 days up to the day, the claims waiting for the creditor or held, and
 * the most overdue claims. When it is due: once per ISO week, on the tenant's day or, when that day was
 * missed (the service was down), on the first day after it in the same week.
 */
public final class WeeklyOverview {

    /** The days DSO is measured over. */
    public static final int DSO_DAYS = 90;

    /** One open claim (euro, not closed, something open). */
    public record Claim(CaseId caseId, String invoiceNumber, DebtorId debtorId, String debtorName, LocalDate dueDate, Money open,
            DunningCase.Status status) {
    }

    private WeeklyOverview() {
    }

    /** The ISO week of a day, e.g. {@code 2026-W48}. */
    public static String weekOf(LocalDate day) {
        return String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /**
     * Whether the overview is due on {@code today} for a tenant whose day is {@code day} (null: none) and
     * whose last overview was for {@code lastWeek} (null: never).
     */
    public static boolean due(LocalDate today, DayOfWeek day, String lastWeek) {
        return day != null && today.getDayOfWeek().getValue() >= day.getValue() && !weekOf(today).equals(lastWeek);
    }

    /**
     * The overview on {@code on}: {@code invoiced} is what was invoiced in the {@link #DSO_DAYS} days up to
     * it, {@code paidInWeek} what was paid on the tenant's claims in the 7 days up to it, {@code lettersFlagged}
     * the letters no channel confirmed that staff must look at.
     */
    public static WeeklyOverviewCompiled compile(TenantId tenant, LocalDate on, List<Claim> claims, Money invoiced,
            Money paidInWeek, int lettersFlagged, Instant now) {
        Aging.Report aging = Aging.of(on, claims.stream().map(c -> new Aging.Claim(c.dueDate(), c.open())).toList(), invoiced,
                DSO_DAYS);
        Money zero = Money.zero(invoiced.currency());
        List<Claim> overdue = claims.stream().filter(c -> c.dueDate().isBefore(on))
                .sorted(Comparator.comparing(Claim::dueDate).thenComparing(Claim::invoiceNumber)).toList();
        Money overdueTotal = overdue.stream().map(Claim::open).reduce(zero, Money::plus);
        int newlyOverdue = (int) overdue.stream().filter(c -> ChronoUnit.DAYS.between(c.dueDate(), on) <= 7).count();
        int[] held = new int[6];
        for (Claim claim : claims) {
            switch (claim.status()) {
                case AWAITING_APPROVAL, RETURNED -> held[0]++; // both wait for the creditor's decision on collection
                case DISPUTED -> held[1]++;
                case PROMISED -> held[2]++;
                case IN_PLAN -> held[3]++;
                case PAUSED -> held[4]++;
                case WRITE_OFF_PENDING -> held[5]++;
                case OPEN, AWAITING_DELIVERY, ESCALATED, CLOSED -> { }
            }
        }
        List<WeeklyOverviewCompiled.OverdueClaim> listed = overdue.stream().limit(WeeklyOverviewCompiled.LISTED)
                .map(c -> new WeeklyOverviewCompiled.OverdueClaim(c.caseId(), c.invoiceNumber(), c.debtorId(), c.debtorName(),
                        c.dueDate(), (int) ChronoUnit.DAYS.between(c.dueDate(), on), c.open(), c.status().name()))
                .toList();
        return new WeeklyOverviewCompiled(tenant, WeeklyOverviewCompiled.overviewIdOf(tenant), weekOf(on), on, aging.total(),
                aging.count(), overdueTotal, overdue.size(),
                aging.buckets().stream().map(b -> new WeeklyOverviewCompiled.AgingBucket(b.label(), b.from(), b.to(), b.amount(),
                        b.count())).toList(),
                aging.dso(), paidInWeek, newlyOverdue,
                new WeeklyOverviewCompiled.Attention(held[0], held[1], held[2], held[3], held[4], held[5], lettersFlagged),
                listed, overdue.size() - listed.size(), now);
    }
}
