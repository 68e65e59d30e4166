package nl.tijdig.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amounts_of_equal_value_are_equal_whatever_their_scale() {
        assertThat(Money.eur("10")).isEqualTo(Money.eur("10.00")).isEqualTo(Money.eur("10.0000"));
        assertThat(Money.eur("10").hashCode()).isEqualTo(Money.eur("10.000").hashCode());
        assertThat(Money.eur("10").amount()).isEqualByComparingTo("10").hasToString("10.00");
        assertThat(Money.eur("0.125").amount()).hasToString("0.125");
    }

    @Test
    void arithmetic_is_exact_and_rounding_happens_only_when_asked() {
        // given a principal and the yearly rate of statutory commercial interest
        Money principal = Money.eur("1234.56");
        BigDecimal rate = new BigDecimal("0.1015");

        // when interest for 45 days is computed (rate / 365 * days)
        Money interest = principal.times(rate).times(45).dividedBy(BigDecimal.valueOf(365));

        // then nothing was rounded on the way, and the boundary rounds to cents half-up
        assertThat(interest.isRounded()).isFalse();
        assertThat(interest.rounded()).isEqualTo(Money.eur("15.45"));
    }

    @Test
    void rounding_is_half_up_to_the_minor_unit_by_default() {
        assertThat(Money.eur("0.005").rounded()).isEqualTo(Money.eur("0.01"));
        assertThat(Money.eur("0.0049").rounded()).isEqualTo(Money.eur("0.00"));
        assertThat(Money.eur("-0.005").rounded()).isEqualTo(Money.eur("-0.01"));
        assertThat(Money.eur("0.005").rounded(RoundingMode.HALF_EVEN)).isEqualTo(Money.eur("0.00"));
    }

    @Test
    void rounding_follows_the_currency_minor_unit() {
        assertThat(Money.of("1234.5", "JPY").rounded()).isEqualTo(Money.of("1235", "JPY"));
        assertThat(Money.of("1.2345", "BHD").rounded()).isEqualTo(Money.of("1.235", "BHD"));
        assertThat(Money.ofMinor(1250, Money.EUR)).isEqualTo(Money.eur("12.50"));
        assertThat(Money.eur("12.50").toMinorUnits()).isEqualTo(1250);
    }

    @Test
    void minor_units_of_an_unrounded_amount_are_refused() {
        assertThatThrownBy(() -> Money.eur("0.125").toMinorUnits())
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("round it first");
    }

    @Test
    void different_currencies_do_not_mix() {
        assertThatThrownBy(() -> Money.eur("1").plus(Money.of("1", "USD")))
                .isInstanceOf(Money.CurrencyMismatchException.class)
                .hasMessage("cannot combine EUR 1.00 with USD 1.00: currencies differ");
        assertThatThrownBy(() -> Money.eur("1").compareTo(Money.of("1", "USD")))
                .isInstanceOf(Money.CurrencyMismatchException.class);
    }

    @Test
    void a_bad_currency_code_is_named() {
        assertThatThrownBy(() -> Money.of("1", "EURO"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'EURO' is not an ISO 4217 currency code");
    }

    @Test
    void splitting_hands_leftover_cents_to_the_first_parts() {
        assertThat(Money.eur("100").split(3))
                .containsExactly(Money.eur("33.34"), Money.eur("33.33"), Money.eur("33.33"));
        assertThat(Money.eur("-100").split(3))
                .containsExactly(Money.eur("-33.34"), Money.eur("-33.33"), Money.eur("-33.33"));
    }

    @Test
    void allocating_by_ratio_gives_leftover_cents_to_the_largest_remainders() {
        // given EUR 0.05 shared 3 : 7
        Money[] parts = Money.eur("0.05").allocate(3, 7);

        // then 1.5 and 3.5 cents: floors 1 and 3, one cent left, the tie goes to the first part
        assertThat(parts).containsExactly(Money.eur("0.02"), Money.eur("0.03"));
        assertThat(Money.eur("10").allocate(1, 0, 1))
                .containsExactly(Money.eur("5"), Money.eur("0"), Money.eur("5"));
    }

    @Test
    void allocating_rounds_the_whole_first() {
        assertThat(Money.eur("10.005").split(2)).containsExactly(Money.eur("5.01"), Money.eur("5.00"));
    }

    @Test
    void allocation_ratios_are_checked() {
        assertThatThrownBy(() -> Money.eur("1").allocate()).hasMessage("ratios must not be empty");
        assertThatThrownBy(() -> Money.eur("1").allocate(0, 0)).hasMessage("ratios must not all be zero");
        assertThatThrownBy(() -> Money.eur("1").allocate(1, -1)).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> Money.eur("1").split(0)).hasMessage("parts must be positive, was 0");
    }

    @Test
    void comparisons_and_signs() {
        Money ten = Money.eur("10");
        Money five = Money.eur("5");
        assertThat(ten.isGreaterThan(five)).isTrue();
        assertThat(five.isLessThan(ten)).isTrue();
        assertThat(ten.min(five)).isEqualTo(five);
        assertThat(ten.max(five)).isEqualTo(ten);
        assertThat(five.minus(ten).isNegative()).isTrue();
        assertThat(five.minus(ten).abs()).isEqualTo(five);
        assertThat(Money.zero(Money.EUR).isZero()).isTrue();
        assertThat(ten.negate().signum()).isEqualTo(-1);
    }

    @Test
    void division_by_zero_is_refused() {
        assertThatThrownBy(() -> Money.eur("1").dividedBy(BigDecimal.ZERO))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void text_form_is_currency_and_plain_amount() {
        assertThat(Money.eur("1E+3")).hasToString("EUR 1000.00");
        assertThat(Money.eur("-0.5")).hasToString("EUR -0.50");
    }
}
