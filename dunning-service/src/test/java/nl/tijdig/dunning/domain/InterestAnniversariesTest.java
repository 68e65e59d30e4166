package nl.tijdig.dunning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.tijdig.kernel.Money;
import org.junit.jupiter.api.Test;

/**
 * Art. 6:119 lid 2 BW: the interest owed is added to the sum it runs on "telkens na afloop van een jaar" — at
 * each anniversary of the start of the default, whatever moved in between; art. 6:44 BW: a payment pays the
 * interest before the principal. The examples of issue #24 (commercial interest, art. 6:119a, the rates of the
 * table, days/365), and a property against a reference that walks the days one by one.
 */
class InterestAnniversariesTest {

    static final LocalDate START = LocalDate.of(2024, 1, 1); // due 2023-12-31
    static final LocalDate THROUGH = LocalDate.of(2025, 12, 31);
    static final InterestRates.Kind B2B = InterestRates.Kind.COMMERCIAL;

    @Test
    void without_movements_two_years_compound_once() {
        // given €1,000 due 2023-12-31, when the interest through 2025-12-31 is computed
        Money interest = StatutoryInterest.accrued(Money.eur("1000.00"), START, List.of(), THROUGH, B2B, InterestRates.SEEDED);
        // then 124.08 in the first year, and the second year on 1,124.08
        assertThat(interest).isEqualTo(Money.eur("243.75"));
    }

    @Test
    void a_credit_note_lowers_the_base_but_keeps_the_anniversary() {
        // given a credit note of €100 on 2024-03-31
        var credit = new DunningCase.Movement(LocalDate.of(2024, 3, 31), Money.eur("1000.00"), Money.eur("900.00"), false);
        // when
        Money interest = StatutoryInterest.accrued(Money.eur("1000.00"), START, List.of(credit), THROUGH, B2B,
                InterestRates.SEEDED);
        // then the year still ends on 2024-12-31 (restarting it on 2024-04-01 gave 219.16)
        assertThat(interest).isEqualTo(Money.eur("222.82"));
    }

    @Test
    void a_payment_below_the_interest_owed_pays_interest_and_the_rest_compounds_on_the_anniversary() {
        // given a payment of €30 on 2024-06-30, less than the interest owed then
        var payment = new DunningCase.Movement(LocalDate.of(2024, 6, 30), Money.eur("1000.00"), Money.eur("970.00"), true,
                UUID.randomUUID());
        // when
        StatutoryInterest.Accrual accrual = StatutoryInterest.accrual(Money.eur("1000.00"), START, List.of(payment), THROUGH,
                B2B, InterestRates.SEEDED);
        // then all of the payment went to interest, the principal stays 1,000, and 94.08 compounds on 2025-01-01
        assertThat(accrual.interest()).isEqualTo(Money.eur("240.55"));
        assertThat(accrual.paid()).isEqualTo(Money.eur("30.00"));
        assertThat(accrual.principal()).isEqualTo(Money.eur("1000.00"));
        assertThat(accrual.owed()).isEqualTo(Money.eur("210.55"));
    }

    @Test
    void a_reversal_undoes_the_allocation_of_the_payment_it_reverses() {
        // given the €30 payment of 2024-06-30, reversed on 2024-08-15
        UUID paymentId = UUID.randomUUID();
        var payment = new DunningCase.Movement(LocalDate.of(2024, 6, 30), Money.eur("1000.00"), Money.eur("970.00"), true,
                paymentId);
        var reversal = new DunningCase.Movement(LocalDate.of(2024, 8, 15), Money.eur("970.00"), Money.eur("1000.00"), true,
                paymentId);
        // when
        StatutoryInterest.Accrual accrual = StatutoryInterest.accrual(Money.eur("1000.00"), START, List.of(payment, reversal),
                THROUGH, B2B, InterestRates.SEEDED);
        // then it is as if nothing was paid: the interest owed is back, not added to the principal (the two
        // movements split the periods, each rounded to the cent: 243.76 against 243.75 without them)
        assertThat(accrual.paid()).isEqualTo(Money.eur("0.00"));
        assertThat(accrual.principal()).isEqualTo(Money.eur("1000.00"));
        assertThat(accrual.owed()).isEqualTo(Money.eur("243.76"));
        assertThat(accrual.periods()).filteredOn(p -> p.from().getYear() == 2025)
                .allSatisfy(p -> assertThat(p.base()).isEqualTo(Money.eur("1124.09")));
    }

    @Test
    void a_payment_above_the_interest_owed_pays_the_rest_of_the_principal() {
        // given €500 paid on 2024-06-30, when interest owed was 62.33
        var payment = new DunningCase.Movement(LocalDate.of(2024, 6, 30), Money.eur("1000.00"), Money.eur("500.00"), true,
                UUID.randomUUID());
        StatutoryInterest.Accrual accrual = StatutoryInterest.accrual(Money.eur("1000.00"), START, List.of(payment),
                LocalDate.of(2024, 6, 30), B2B, InterestRates.SEEDED);
        // then 62.33 went to interest and 437.67 to principal
        assertThat(accrual.paid()).isEqualTo(Money.eur("62.33"));
        assertThat(accrual.principal()).isEqualTo(Money.eur("562.33"));
        assertThat(accrual.owed()).isEqualTo(Money.eur("0.00"));
    }

    @Test
    void a_reversal_the_day_before_an_anniversary_joins_the_interest_added_at_it() {
        // given €1.01 from 2014-01-01; on 2014-01-22 a payment of €0.01 (it pays the interest of €0.01) and a credit
        // note of €0.21; the payment reversed on 2014-12-31, the day before the anniversary
        UUID payment = UUID.randomUUID();
        List<DunningCase.Movement> movements = List.of(
                new DunningCase.Movement(LocalDate.of(2014, 1, 22), Money.eur("1.01"), Money.eur("1.00"), true, payment),
                new DunningCase.Movement(LocalDate.of(2014, 1, 22), Money.eur("1.00"), Money.eur("0.79"), false, null),
                new DunningCase.Movement(LocalDate.of(2014, 12, 31), Money.eur("0.79"), Money.eur("0.80"), true, payment));

        StatutoryInterest.Accrual accrual = StatutoryInterest.accrual(Money.eur("1.01"), LocalDate.of(2014, 1, 1),
                movements, LocalDate.of(2015, 5, 11), B2B, InterestRates.SEEDED);

        // then the interest the reversal owes again is added to the base on 2015-01-01: 0.80 + 0.07
        assertThat(accrual.periods()).last().satisfies(p -> assertThat(p.base()).isEqualTo(Money.eur("0.87")));
        assertThat(accrual.interest()).isEqualTo(Money.eur("0.10"));
    }

    // --- the property: any sequence of movements, against a day-by-day reference

    /** One generated movement: after {@code day} days, a payment, credit note, or reversal of an earlier payment. */
    record Step(int day, int kind, int permille) {
    }

    record Scenario(BigDecimal principal, LocalDate start, int throughDays, List<Step> steps) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<BigDecimal> principals = Arbitraries.bigDecimals().between(new BigDecimal("1.00"), new BigDecimal("250000"))
                .ofScale(2);
        Arbitrary<LocalDate> starts = Arbitraries.integers().between(0, 4000).map(d -> LocalDate.of(2014, 1, 1).plusDays(d));
        Arbitrary<Step> steps = Combinators.combine(Arbitraries.integers().between(-20, 1500), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 1000)).as(Step::new);
        return Combinators.combine(principals, starts, Arbitraries.integers().between(0, 1600),
                steps.list().ofMaxSize(8)).as(Scenario::new);
    }

    @Property(tries = 400)
    void interest_equals_a_reference_over_the_anniversaries_of_the_default(@ForAll("scenarios") Scenario scenario) {
        Money principal = Money.eur(scenario.principal());
        LocalDate through = scenario.start().plusDays(scenario.throughDays());
        List<DunningCase.Movement> movements = movements(scenario, principal);

        StatutoryInterest.Accrual accrual = StatutoryInterest.accrual(principal, scenario.start(), movements, through, B2B,
                InterestRates.SEEDED);
        Reference reference = Reference.walk(principal, scenario.start(), movements, through);

        assertThat(accrual.interest()).isEqualTo(reference.total);
        assertThat(accrual.paid()).isEqualTo(reference.paid);
        assertThat(accrual.principal()).isEqualTo(reference.principal);
    }

    /** The movements a scenario describes, what is open before and after each consistent with the one before. */
    static List<DunningCase.Movement> movements(Scenario scenario, Money principal) {
        List<DunningCase.Movement> movements = new ArrayList<>();
        List<DunningCase.Movement> payments = new ArrayList<>();
        Money open = principal;
        List<Step> steps = scenario.steps().stream().sorted(java.util.Comparator.comparingInt(Step::day)).toList();
        for (Step step : steps) {
            LocalDate on = scenario.start().plusDays(step.day());
            if (step.kind() == 2 && !payments.isEmpty()) {
                DunningCase.Movement paid = payments.remove(payments.size() - 1);
                Money back = paid.openBefore().minus(paid.openAfter());
                movements.add(new DunningCase.Movement(on, open, open.plus(back), true, paid.paymentId()));
                open = open.plus(back);
                continue;
            }
            Money amount = Money.eur(open.amount().multiply(BigDecimal.valueOf(step.permille())).movePointLeft(3)
                    .setScale(2, RoundingMode.DOWN));
            if (!amount.isPositive()) {
                continue;
            }
            DunningCase.Movement m = new DunningCase.Movement(on, open, open.minus(amount), step.kind() != 1,
                    step.kind() != 1 ? UUID.randomUUID() : null);
            movements.add(m);
            if (m.payment()) {
                payments.add(m);
            }
            open = open.minus(amount);
        }
        return movements;
    }

    /**
     * The reference: day by day, the day's interest on the principal plus the interest added at earlier
     * anniversaries, summed exactly while nothing changes and rounded to the cent when something does.
     */
    static final class Reference {
        Money principal;
        Money capitalised = Money.eur("0");
        Money running = Money.eur("0");
        Money total = Money.eur("0");
        Money paid = Money.eur("0");
        final Map<UUID, Money[]> applied = new HashMap<>();

        static Reference walk(Money principal, LocalDate start, List<DunningCase.Movement> movements, LocalDate through) {
            Reference r = new Reference();
            r.principal = principal;
            BigDecimal exact = BigDecimal.ZERO;
            for (DunningCase.Movement m : movements) {
                if (m.on().isBefore(start)) {
                    r.apply(m);
                }
            }
            for (LocalDate day = start; !day.isAfter(through); day = day.plusDays(1)) {
                if (anniversary(start, day)) {
                    r.capitalised = r.capitalised.plus(r.running);
                    r.running = Money.eur("0");
                }
                BigDecimal base = r.principal.plus(r.capitalised).amount();
                exact = exact.add(base.multiply(InterestRates.SEEDED.on(day).commercial()).movePointLeft(2));
                LocalDate next = day.plusDays(1);
                final LocalDate today = day;
                boolean moves = movements.stream().anyMatch(m -> m.on().equals(today));
                boolean changes = next.isAfter(through) || moves
                        || !InterestRates.SEEDED.on(next).equals(InterestRates.SEEDED.on(day))
                        || anniversary(start, next);
                if (changes) {
                    Money interest = Money.eur(exact.divide(new BigDecimal("365"), 10, RoundingMode.HALF_UP)
                            .setScale(2, RoundingMode.HALF_UP));
                    r.running = r.running.plus(interest);
                    r.total = r.total.plus(interest);
                    exact = BigDecimal.ZERO;
                }
                for (DunningCase.Movement m : movements) {
                    if (m.on().equals(day)) {
                        r.apply(m);
                    }
                }
            }
            return r;
        }

        /** The start plus whole years (29 February's anniversary in another year is 28 February). */
        static boolean anniversary(LocalDate start, LocalDate day) {
            for (int n = 1; !start.plusYears(n).isAfter(day); n++) {
                if (start.plusYears(n).equals(day)) {
                    return true;
                }
            }
            return false;
        }

        void apply(DunningCase.Movement m) {
            Money lowered = m.openBefore().minus(m.openAfter());
            if (m.payment() && lowered.isPositive()) {
                Money a = lowered.min(capitalised);
                Money b = lowered.minus(a).min(running);
                Money c = lowered.minus(a).minus(b).min(principal);
                capitalised = capitalised.minus(a);
                running = running.minus(b);
                principal = principal.minus(c);
                paid = paid.plus(a).plus(b);
                applied.put(m.paymentId(), new Money[] {a, b, c});
            } else if (m.payment()) {
                Money[] was = applied.remove(m.paymentId());
                capitalised = capitalised.plus(was[0]);
                running = running.plus(was[1]);
                principal = principal.plus(was[2]);
                paid = paid.minus(was[0]).minus(was[1]);
            } else {
                principal = principal.minus(lowered).max(Money.eur("0"));
            }
        }
    }
}
