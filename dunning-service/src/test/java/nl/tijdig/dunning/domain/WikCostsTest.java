package nl.tijdig.dunning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import nl.tijdig.kernel.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WikCostsTest {

    @ParameterizedTest(name = "€ {0} → € {1}")
    @CsvSource({
            "1000, 150.00",       // 15 % of the first 2,500
            "2500, 375.00",
            "10000, 875.00",      // 375 + 250 + 250
            "200000, 2775.00",    // + 1 % of 190,000
            "1000000, 6775.00",   // + 0.5 % of 800,000: exactly the maximum
            "5000000, 6775.00",   // capped
            "100, 40.00",         // 15 = under the minimum
            "266.67, 40.00",
            "266.68, 40.00",      // 40.002 rounds to 40.00
            "300, 45.00"})
    void the_staffel_gives_the_reference_values(String principal, String costs) {
        assertThat(WikCosts.of(Money.eur(principal))).isEqualTo(Money.eur(costs));
    }

    @Test
    void a_creditor_that_cannot_reclaim_vat_adds_it() {
        assertThat(WikCosts.of(Money.eur("1000"), new BigDecimal("21"))).isEqualTo(Money.eur("181.50"));
        assertThat(WikCosts.of(Money.eur("100"), new BigDecimal("21"))).isEqualTo(Money.eur("48.40"));
    }

    @Test
    void several_claims_in_one_letter_are_costed_over_their_sum() {
        Money together = WikCosts.ofClaims(List.of(Money.eur("2000"), Money.eur("3000")), BigDecimal.ZERO);
        assertThat(together).isEqualTo(Money.eur("625.00")); // 375 + 250, not 300 + 425
    }

    @Test
    void nothing_is_owed_on_nothing() {
        assertThat(WikCosts.of(Money.eur("0"))).isEqualTo(Money.eur("0"));
    }

    @Property
    void the_costs_stay_within_the_minimum_and_maximum(
            @ForAll @BigRange(min = "0.01", max = "10000000") @Scale(2) BigDecimal principal) {
        Money costs = WikCosts.of(Money.eur(principal));
        assertThat(costs.amount()).isBetween(new BigDecimal("40"), new BigDecimal("6775"));
    }

    @Property
    void more_principal_never_costs_less(@ForAll @BigRange(min = "0.01", max = "2000000") @Scale(2) BigDecimal a,
            @ForAll @BigRange(min = "0.00", max = "1000") @Scale(2) BigDecimal more) {
        assertThat(WikCosts.of(Money.eur(a.add(more))).amount()).isGreaterThanOrEqualTo(WikCosts.of(Money.eur(a)).amount());
    }

    @Test
    void the_costs_are_rounded_to_the_cent_before_the_vat_is_raised_on_them() {
        // 15 % of €333.37 = €50.0055: costs €50.01, VAT 21 % of that €10.5021 → €10.50, together €60.51
        // (raising the unrounded costs would give 50.0055 × 1.21 = 60.5067 → €60.51 as well, but €333.33 shows the
        // difference: 49.9995 → €50.00 + €10.50 = €60.50, where 49.9995 × 1.21 = 60.4994 → €60.50)
        assertThat(WikCosts.of(Money.eur("333.37"))).isEqualTo(Money.eur("50.01"));
        assertThat(WikCosts.vatOn(Money.eur("50.01"), new BigDecimal("21"))).isEqualTo(Money.eur("10.50"));
        assertThat(WikCosts.of(Money.eur("333.37"), new BigDecimal("21"))).isEqualTo(Money.eur("60.51"));
        // €6,775 (the maximum) + 21 % = €8,197.75, the VAT on the rounded costs
        assertThat(WikCosts.of(Money.eur("2000000"), new BigDecimal("21"))).isEqualTo(Money.eur("8197.75"));
        // a case where the order matters: 15 % of €40.10 is below the minimum: €40.00 + €8.40
        assertThat(WikCosts.of(Money.eur("40.10"), new BigDecimal("21"))).isEqualTo(Money.eur("48.40"));
        // and over several claims: the VAT part of one letter's costs
        assertThat(WikCosts.vatOfClaims(java.util.List.of(Money.eur("100"), Money.eur("233.37")), new BigDecimal("21")))
                .isEqualTo(Money.eur("10.50"));
    }

    @Property
    void the_vat_on_the_costs_is_the_vat_of_the_rounded_costs(
            @ForAll @net.jqwik.api.constraints.BigRange(min = "0.01", max = "2000000") @net.jqwik.api.constraints.Scale(2)
            BigDecimal principal) {
        Money costs = WikCosts.of(Money.eur(principal));
        Money raised = WikCosts.of(Money.eur(principal), new BigDecimal("21"));
        assertThat(costs.isRounded()).isTrue();
        assertThat(raised.minus(costs)).isEqualTo(Money.eur(costs.amount().multiply(new BigDecimal("0.21"))
                .setScale(2, java.math.RoundingMode.HALF_UP)));
    }
}
