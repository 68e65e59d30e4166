package nl.tijdig.dunning.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import nl.tijdig.kernel.Money;

/**
 * Statutory interest over a principal from its first day through a given day (both included), with
 * yearly compounding (art. 6:119 lid 2 / 6:119a lid 3 BW: after each year the interest of that year is
 * added to the sum on which interest runs), split into periods at every rate change and every
 * anniversary. Interest per period: base × rate × days / 365, rounded to cents.
 */
public final class StatutoryInterest {

    private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365");

    /** One period of one rate on one base. */
    public record Period(LocalDate from, LocalDate through, long days, BigDecimal ratePercent, Money base, Money interest) {
    }

    /** The interest and how it was made up. */
    public record Result(Money interest, List<Period> periods) {
    }

    private StatutoryInterest() {
    }

    /**
     * The day commercial interest starts (art. 6:119a lid 1 and 2): the day after the agreed due date;
     * without one, the day after the 30 days that follow the receipt of the invoice.
     */
    public static LocalDate commercialStart(LocalDate agreedDueDate, LocalDate invoiceReceived) {
        return agreedDueDate != null ? agreedDueDate.plusDays(1) : invoiceReceived.plusDays(31);
    }

    public static Result compute(Money principal, LocalDate start, LocalDate through, InterestRates.Kind kind,
            InterestRates rates) {
        List<Period> periods = new ArrayList<>();
        if (!principal.isPositive() || through.isBefore(start)) {
            return new Result(Money.zero(principal.currency()), periods);
        }
        Money base = principal;
        Money total = Money.zero(principal.currency());
        LocalDate yearStart = start;
        while (!yearStart.isAfter(through)) {
            LocalDate anniversary = yearStart.plusYears(1);
            LocalDate yearEnd = min(anniversary.minusDays(1), through);
            Money yearInterest = Money.zero(principal.currency());
            LocalDate from = yearStart;
            while (!from.isAfter(yearEnd)) {
                InterestRates.Rate rate = rates.on(from);
                LocalDate change = rates.nextChangeAfter(from);
                LocalDate to = change == null ? yearEnd : min(change.minusDays(1), yearEnd);
                long days = ChronoUnit.DAYS.between(from, to) + 1;
                BigDecimal exact = base.amount().multiply(rate.of(kind)).movePointLeft(2)
                        .multiply(BigDecimal.valueOf(days)).divide(DAYS_PER_YEAR, 10, RoundingMode.HALF_UP);
                Money interest = Money.of(exact.setScale(2, RoundingMode.HALF_UP), principal.currency());
                periods.add(new Period(from, to, days, rate.of(kind), base, interest));
                yearInterest = yearInterest.plus(interest);
                from = to.plusDays(1);
            }
            total = total.plus(yearInterest);
            base = base.plus(yearInterest); // compounding: a year's interest runs with the principal from now on
            yearStart = anniversary;
        }
        return new Result(total, List.copyOf(periods));
    }

    /**
     * Interest on a claim whose open amount moved, from {@code start} through {@code through}: each stretch
     * between movements runs on the principal of that stretch. A payment first pays the interest accrued
     * before it and only the rest the principal (art. 6:44 BW), so a partial payment never makes the
     * interest already accrued disappear, and the principal it leaves keeps earning; a reversal adds the
     * amount back to the principal; a credit note lowers the principal. All interest accrued counts (what a
     * payment paid of it is part of what the payment paid). Yearly compounding runs within each stretch.
     */
    public static Money accrued(Money principal, LocalDate start, List<DunningCase.Movement> movements, LocalDate through,
            InterestRates.Kind kind, InterestRates rates) {
        Money zero = Money.zero(principal.currency());
        Money base = principal;
        Money owed = zero;
        Money total = zero;
        LocalDate from = start;
        List<DunningCase.Movement> ordered = movements.stream()
                .sorted(java.util.Comparator.comparing(DunningCase.Movement::on)).toList();
        for (DunningCase.Movement m : ordered) {
            if (m.on().isAfter(through)) {
                break;
            }
            if (!m.on().isBefore(from)) {
                Money interest = compute(base, from, m.on(), kind, rates).interest();
                total = total.plus(interest);
                owed = owed.plus(interest);
                from = m.on().plusDays(1);
            }
            Money lowered = m.openBefore().minus(m.openAfter());
            if (m.payment() && lowered.isPositive()) {
                Money toInterest = lowered.min(owed);
                owed = owed.minus(toInterest);
                base = base.minus(lowered.minus(toInterest)).max(zero);
            } else if (lowered.isPositive()) {
                base = base.minus(lowered).max(zero);
            } else {
                base = base.plus(lowered.negate());
            }
        }
        return total.plus(compute(base, from, through, kind, rates).interest());
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
