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
        Accrual accrual = accrual(principal, start, List.of(), through, kind, rates);
        return new Result(accrual.interest(), accrual.periods());
    }

    /**
     * The interest on a claim whose open amount moved, and what of it was paid, from {@code start} (the first
     * day of the default) through {@code through}, both included:
     * <ul>
     * <li>the interest runs on the principal plus the interest added at anniversaries (the base). At each
     * anniversary of {@code start} (art. 6:119 lid 2 BW: "telkens na afloop van een jaar") the interest owed and
     * not paid is added to the base. A movement between anniversaries changes the base from the day after it,
     * never the anniversaries;
     * <li>a payment pays interest before principal (art. 6:44 BW), the oldest interest first (the part already
     * added to the base, then the interest of the running year, art. 6:43 lid 2), so the interest already owed is
     * never dropped;
     * <li>a reversal of a payment undoes that payment's allocation (interest and principal as they were); a
     * reversal of a payment not known here adds the amount back to the principal;
     * <li>a credit note or cancellation lowers the principal.
     * </ul>
     * Interest per period (split at every anniversary, rate change and movement): base × rate × days / 365, to
     * the cent, half up. {@link Accrual#interest()} is all interest accrued (what a payment paid of it is part of
     * what the payment paid).
     */
    public static Accrual accrual(Money principal, LocalDate start, List<DunningCase.Movement> movements, LocalDate through,
            InterestRates.Kind kind, InterestRates rates) {
        return accrual(principal, start, movements, through, kind, rates, null, null);
    }

    /**
     * As {@link #accrual(Money, LocalDate, List, LocalDate, InterestRates.Kind, InterestRates)}, for the claim with its
     * collection costs: from {@code costsFrom} (the day after the final notice's term) the {@code costs} are owed, and
     * a payment from then on pays them first, then the interest, then the principal (art. 6:44 lid 1 BW). Before it
     * no costs are owed (art. 6:96 lid 6 BW: only after the 14-dagenbrief's term).
     */
    public static Accrual accrual(Money principal, LocalDate start, List<DunningCase.Movement> movements, LocalDate through,
            InterestRates.Kind kind, InterestRates rates, Money costs, LocalDate costsFrom) {
        Running running = new Running(principal, start, kind, rates);
        running.costs = costs;
        running.costsFrom = costsFrom;
        List<DunningCase.Movement> ordered = movements.stream()
                .sorted(java.util.Comparator.comparing(DunningCase.Movement::on)).toList();
        for (DunningCase.Movement m : ordered) {
            if (m.on().isAfter(through)) {
                break;
            }
            running.accrueThrough(m.on());
            running.apply(m);
        }
        running.accrueThrough(through);
        return running.result();
    }

    /** All interest accrued through {@code through} (see {@link #accrual}). */
    public static Money accrued(Money principal, LocalDate start, List<DunningCase.Movement> movements, LocalDate through,
            InterestRates.Kind kind, InterestRates rates) {
        return accrual(principal, start, movements, through, kind, rates).interest();
    }

    /**
     * What {@link #accrual} found: all interest accrued, what payments paid of it, what is owed of it, the
     * principal that is left (by this claim's reckoning: payments paid interest first), and the periods.
     */
    public record Accrual(Money interest, Money paid, Money owed, Money principal, List<Period> periods, Money costsOwed,
            Money costsPaid) {

        /** What is open on the claim: principal, interest and costs owed. */
        public Money open() {
            return principal.plus(owed).plus(costsOwed);
        }
    }

    /** How a payment was applied, so a reversal can undo exactly that. */
    private record Applied(java.util.UUID payment, Money toCapitalised, Money toInterest, Money toPrincipal, Money toCosts) {
    }

    /** The reckoning while it walks the days. */
    private static final class Running {
        private final LocalDate start;
        private final InterestRates.Kind kind;
        private final InterestRates rates;
        private final Money zero;
        private final List<Period> periods = new ArrayList<>();
        private final List<Applied> applied = new ArrayList<>();
        private Money principal;
        /** Interest added to the base at an anniversary and not paid. */
        private Money capitalised;
        /** Interest accrued since the last anniversary and not paid. */
        private Money running;
        private Money total;
        private Money paid;
        /** The first day not accrued yet. */
        private LocalDate from;
        /** The anniversary whose capitalisation is done. */
        private LocalDate capitalisedOn;
        /** The collection costs of the claim, owed from {@link #costsFrom} (null: none). */
        private Money costs;
        private LocalDate costsFrom;
        private Money costsPaid;

        Running(Money principal, LocalDate start, InterestRates.Kind kind, InterestRates rates) {
            this.start = start;
            this.kind = kind;
            this.rates = rates;
            this.zero = Money.zero(principal.currency());
            this.principal = principal.max(zero);
            this.capitalised = zero;
            this.running = zero;
            this.total = zero;
            this.paid = zero;
            this.from = start;
            this.costsPaid = zero;
        }

        /** The costs owed on {@code day}: none before they are claimable. */
        private Money costsOwed(LocalDate day) {
            if (costs == null || costsFrom == null || day.isBefore(costsFrom)) {
                return zero;
            }
            return costs.minus(costsPaid).max(zero);
        }

        /**
         * Accrues every day from {@link #from} through {@code through}, adding the interest owed at each anniversary
         * to the base as that day begins: after everything that moved the day before (a payment, a reversal).
         */
        void accrueThrough(LocalDate through) {
            while (!from.isAfter(through)) {
                if (isAnniversary(from) && !from.equals(capitalisedOn)) {
                    capitalised = capitalised.plus(running); // compounding: the year's unpaid interest runs with the principal
                    running = zero;
                    capitalisedOn = from;
                }
                LocalDate anniversary = nextAnniversaryAfter(from);
                LocalDate yearEnd = min(anniversary.minusDays(1), through);
                while (!from.isAfter(yearEnd)) {
                    InterestRates.Rate rate = rates.on(from);
                    LocalDate change = rates.nextChangeAfter(from);
                    LocalDate to = change == null ? yearEnd : min(change.minusDays(1), yearEnd);
                    long days = ChronoUnit.DAYS.between(from, to) + 1;
                    Money base = principal.plus(capitalised);
                    BigDecimal exact = base.amount().multiply(rate.of(kind)).movePointLeft(2)
                            .multiply(BigDecimal.valueOf(days)).divide(DAYS_PER_YEAR, 10, RoundingMode.HALF_UP);
                    Money interest = Money.of(exact.setScale(2, RoundingMode.HALF_UP), zero.currency());
                    if (base.isPositive()) {
                        periods.add(new Period(from, to, days, rate.of(kind), base, interest));
                    }
                    running = running.plus(interest);
                    total = total.plus(interest);
                    from = to.plusDays(1);
                }
            }
        }

        /** Whether the day is an anniversary of the start (the start plus whole years; 29 February's is 28 February). */
        private boolean isAnniversary(LocalDate day) {
            if (!day.isAfter(start)) {
                return false;
            }
            long years = ChronoUnit.YEARS.between(start, day);
            return start.plusYears(years).equals(day) || start.plusYears(years + 1).equals(day);
        }

        /** The first anniversary of the start after {@code day}. */
        private LocalDate nextAnniversaryAfter(LocalDate day) {
            long years = ChronoUnit.YEARS.between(start, day);
            LocalDate anniversary = start.plusYears(years);
            while (!anniversary.isAfter(day)) {
                years++;
                anniversary = start.plusYears(years);
            }
            return anniversary;
        }

        void apply(DunningCase.Movement m) {
            Money lowered = m.openBefore().minus(m.openAfter());
            if (m.payment() && lowered.isPositive()) {
                Money toCosts = lowered.min(costsOwed(m.on()));
                Money left = lowered.minus(toCosts);
                Money toCapitalised = left.min(capitalised);
                Money toInterest = left.minus(toCapitalised).min(running);
                Money toPrincipal = left.minus(toCapitalised).minus(toInterest).min(principal);
                costsPaid = costsPaid.plus(toCosts);
                capitalised = capitalised.minus(toCapitalised);
                running = running.minus(toInterest);
                principal = principal.minus(toPrincipal);
                paid = paid.plus(toCapitalised).plus(toInterest);
                applied.add(new Applied(m.paymentId(), toCapitalised, toInterest, toPrincipal, toCosts));
            } else if (m.payment() && lowered.isNegative()) {
                undo(m.paymentId(), lowered.negate());
            } else if (lowered.isPositive()) {
                principal = principal.minus(lowered).max(zero);
            } else {
                principal = principal.plus(lowered.negate());
            }
        }

        /**
         * A reversal: the payment's allocation undone, principal first then interest (all of it for a whole
         * reversal). The payment is found by its id, else the latest one of the same amount; a reversal of a
         * payment not found adds the amount to the principal.
         */
        private void undo(java.util.UUID payment, Money amount) {
            Applied found = null;
            for (int i = applied.size() - 1; i >= 0 && found == null; i--) {
                Applied a = applied.get(i);
                if (payment != null ? payment.equals(a.payment())
                        : a.toCapitalised().plus(a.toInterest()).plus(a.toPrincipal()).plus(a.toCosts()).equals(amount)) {
                    found = a;
                }
            }
            if (found == null) {
                principal = principal.plus(amount);
                return;
            }
            applied.remove(found);
            Money toPrincipal = amount.min(found.toPrincipal());
            Money left = amount.minus(toPrincipal);
            Money toInterest = left.min(found.toInterest());
            left = left.minus(toInterest);
            Money toCapitalised = left.min(found.toCapitalised());
            left = left.minus(toCapitalised);
            Money toCosts = left.min(found.toCosts());
            left = left.minus(toCosts);
            principal = principal.plus(toPrincipal).plus(left);
            running = running.plus(toInterest);
            capitalised = capitalised.plus(toCapitalised);
            costsPaid = costsPaid.minus(toCosts);
            paid = paid.minus(toInterest).minus(toCapitalised);
            Applied rest = new Applied(found.payment(), found.toCapitalised().minus(toCapitalised),
                    found.toInterest().minus(toInterest), found.toPrincipal().minus(toPrincipal), found.toCosts().minus(toCosts));
            if (rest.toCapitalised().plus(rest.toInterest()).plus(rest.toPrincipal()).plus(rest.toCosts()).isPositive()) {
                applied.add(rest);
            }
        }

        Accrual result() {
            return new Accrual(total, paid, capitalised.plus(running), principal, List.copyOf(periods),
                    from == null ? zero : costsOwed(from.minusDays(1)), costsPaid);
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
