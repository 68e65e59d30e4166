package nl.tijdig.dunning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import nl.tijdig.kernel.Money;
import org.junit.jupiter.api.Test;

class StatutoryInterestTest {

    static final InterestRates FLAT = new InterestRates(List.of(
            new InterestRates.Rate(LocalDate.of(2020, 1, 1), new BigDecimal("5"), new BigDecimal("10"))));

    @Test
    void commercial_interest_starts_the_day_after_the_due_date_or_31_days_after_receipt() {
        assertThat(StatutoryInterest.commercialStart(LocalDate.of(2026, 10, 1), null)).isEqualTo(LocalDate.of(2026, 10, 2));
        assertThat(StatutoryInterest.commercialStart(null, LocalDate.of(2026, 10, 1))).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void one_year_at_a_flat_rate_is_the_rate_of_the_principal() {
        StatutoryInterest.Result result = StatutoryInterest.compute(Money.eur("1000"), LocalDate.of(2025, 3, 1),
                LocalDate.of(2026, 2, 28), InterestRates.Kind.COMMERCIAL, FLAT);

        assertThat(result.interest()).isEqualTo(Money.eur("100.00"));
        assertThat(result.periods()).singleElement().satisfies(p -> assertThat(p.days()).isEqualTo(365));
    }

    @Test
    void after_a_year_the_interest_is_added_to_the_principal() {
        StatutoryInterest.Result result = StatutoryInterest.compute(Money.eur("1000"), LocalDate.of(2025, 3, 1),
                LocalDate.of(2027, 2, 28), InterestRates.Kind.COMMERCIAL, FLAT);

        assertThat(result.periods()).hasSize(2);
        assertThat(result.periods().get(1).base()).isEqualTo(Money.eur("1100.00"));
        assertThat(result.interest()).isEqualTo(Money.eur("210.00")); // 100 + 110
    }

    @Test
    void a_rate_change_splits_the_period() {
        StatutoryInterest.Result result = StatutoryInterest.compute(Money.eur("1000"), LocalDate.of(2024, 6, 1),
                LocalDate.of(2024, 7, 31), InterestRates.Kind.COMMERCIAL, InterestRates.SEEDED);

        assertThat(result.periods()).extracting(StatutoryInterest.Period::ratePercent)
                .containsExactly(new BigDecimal("12.5"), new BigDecimal("12.25"));
        assertThat(result.periods()).extracting(StatutoryInterest.Period::days).containsExactly(30L, 31L);
        // 1000 × 12.5 % × 30/365 = 10.27; 1000 × 12.25 % × 31/365 = 10.40
        assertThat(result.interest()).isEqualTo(Money.eur("20.67"));
    }

    @Test
    void consumer_interest_uses_the_6_119_rate() {
        StatutoryInterest.Result result = StatutoryInterest.compute(Money.eur("1000"), LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 1, 31), InterestRates.Kind.CONSUMER, InterestRates.SEEDED);
        assertThat(result.periods()).singleElement().satisfies(p -> assertThat(p.ratePercent()).isEqualByComparingTo("7"));
    }

    @Property
    void interest_never_decreases_with_time(@ForAll @BigRange(min = "0.01", max = "100000") @Scale(2) BigDecimal principal,
            @ForAll @LongRange(min = 0, max = 1500) long days) {
        LocalDate start = LocalDate.of(2023, 1, 1);
        Money shorter = StatutoryInterest.compute(Money.eur(principal), start, start.plusDays(days),
                InterestRates.Kind.COMMERCIAL, InterestRates.SEEDED).interest();
        Money longer = StatutoryInterest.compute(Money.eur(principal), start, start.plusDays(days + 1),
                InterestRates.Kind.COMMERCIAL, InterestRates.SEEDED).interest();
        assertThat(longer.amount()).isGreaterThanOrEqualTo(shorter.amount());
    }

    @Test
    void a_payment_goes_to_costs_then_interest_then_principal() {
        ClaimSettlement settled = ClaimSettlement.of(Money.eur("200"), Money.eur("150"), Money.eur("30"), Money.eur("1000"));
        assertThat(settled).isEqualTo(new ClaimSettlement(Money.eur("150"), Money.eur("30"), Money.eur("20"), Money.eur("0")));
        ClaimSettlement over = ClaimSettlement.of(Money.eur("1200"), Money.eur("150"), Money.eur("30"), Money.eur("1000"));
        assertThat(over.rest()).isEqualTo(Money.eur("20"));
    }

    @Test
    void a_partial_payment_pays_interest_first_and_no_interest_is_lost() {
        // given 10,000 due 31 March 2024 (commercial interest 12.5 % then 12.25 %), 9,000 paid on 9 July 2024
        java.time.LocalDate start = java.time.LocalDate.of(2024, 4, 1);
        java.time.LocalDate paidOn = java.time.LocalDate.of(2024, 7, 9);
        java.time.LocalDate through = java.time.LocalDate.of(2024, 9, 27);
        Money principal = Money.eur("10000.00");
        var payment = new DunningCase.Movement(paidOn, principal, Money.eur("1000.00"), true);

        // when the interest through 27 September is computed
        Money accrued = StatutoryInterest.accrued(principal, start, java.util.List.of(payment), through,
                InterestRates.Kind.COMMERCIAL, InterestRates.SEEDED);

        // then it is the interest on 10,000 until the payment, plus the interest on what the payment left of
        // the principal after paying that interest first — more than interest on 1,000 from the start
        Money before = StatutoryInterest.compute(principal, start, paidOn, InterestRates.Kind.COMMERCIAL,
                InterestRates.SEEDED).interest();
        Money leftPrincipal = Money.eur("1000.00").plus(before);
        Money after = StatutoryInterest.compute(leftPrincipal, paidOn.plusDays(1), through, InterestRates.Kind.COMMERCIAL,
                InterestRates.SEEDED).interest();
        assertThat(accrued).isEqualTo(before.plus(after));
        assertThat(accrued.isGreaterThan(StatutoryInterest.compute(Money.eur("1000.00"), start, through,
                InterestRates.Kind.COMMERCIAL, InterestRates.SEEDED).interest())).isTrue();
        assertThat(before.isPositive()).isTrue();
    }

    @Test
    void a_credit_note_lowers_the_principal_and_without_movements_nothing_changes() {
        java.time.LocalDate start = java.time.LocalDate.of(2024, 4, 1);
        java.time.LocalDate through = java.time.LocalDate.of(2024, 12, 31);
        Money principal = Money.eur("5000.00");
        assertThat(StatutoryInterest.accrued(principal, start, java.util.List.of(), through, InterestRates.Kind.CONSUMER,
                InterestRates.SEEDED)).isEqualTo(StatutoryInterest.compute(principal, start, through,
                InterestRates.Kind.CONSUMER, InterestRates.SEEDED).interest());
        var credit = new DunningCase.Movement(start.minusDays(5), principal, Money.eur("1000.00"), false);
        assertThat(StatutoryInterest.accrued(principal, start, java.util.List.of(credit), through, InterestRates.Kind.CONSUMER,
                InterestRates.SEEDED)).isEqualTo(StatutoryInterest.compute(Money.eur("1000.00"), start, through,
                InterestRates.Kind.CONSUMER, InterestRates.SEEDED).interest());
    }
}
