package nl.tijdig.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class MoneyPropertyTest {

    @Provide
    Arbitrary<Money> euros() {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal("-1000000000"), new BigDecimal("1000000000"))
                .ofScale(4)
                .map(Money::eur);
    }

    @Property
    void adding_then_subtracting_gives_the_start(@ForAll("euros") Money a, @ForAll("euros") Money b) {
        assertThat(a.plus(b).minus(b)).isEqualTo(a);
    }

    @Property
    void addition_commutes_and_associates(
            @ForAll("euros") Money a, @ForAll("euros") Money b, @ForAll("euros") Money c) {
        assertThat(a.plus(b)).isEqualTo(b.plus(a));
        assertThat(a.plus(b).plus(c)).isEqualTo(a.plus(b.plus(c)));
    }

    @Property
    void rounding_is_idempotent_and_within_half_a_cent(@ForAll("euros") Money a) {
        Money rounded = a.rounded();
        assertThat(rounded.isRounded()).isTrue();
        assertThat(rounded.rounded()).isEqualTo(rounded);
        assertThat(rounded.minus(a).abs().amount()).isLessThanOrEqualTo(new BigDecimal("0.005"));
    }

    @Property
    void allocation_parts_add_up_to_the_rounded_whole(
            @ForAll("euros") Money a, @ForAll @Size(min = 1, max = 12) long[] ratios) {
        long[] positive = Arrays.stream(ratios).map(r -> Math.floorMod(r, 1000) + 1).toArray();
        Money[] parts = a.allocate(positive);
        Money sum = Arrays.stream(parts).reduce(Money.zero(Money.EUR), Money::plus);
        assertThat(sum).isEqualTo(a.rounded());
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.isRounded()).isTrue();
            assertThat(p.signum() * a.rounded().signum()).isGreaterThanOrEqualTo(0);
        });
    }

    @Property
    void equal_split_parts_differ_by_at_most_one_cent(
            @ForAll @LongRange(min = -10_000_000, max = 10_000_000) long cents,
            @ForAll @IntRange(min = 1, max = 50) int n) {
        Money[] parts = Money.ofMinor(cents, Money.EUR).split(n);
        long max = Arrays.stream(parts).mapToLong(Money::toMinorUnits).max().orElseThrow();
        long min = Arrays.stream(parts).mapToLong(Money::toMinorUnits).min().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
        assertThat(Arrays.stream(parts).mapToLong(Money::toMinorUnits).sum()).isEqualTo(cents);
    }

    @Property
    void minor_units_round_trip(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long cents) {
        assertThat(Money.ofMinor(cents, Money.EUR).toMinorUnits()).isEqualTo(cents);
    }

    @Property
    void equal_values_are_equal_whatever_their_scale(@ForAll("euros") Money a, @ForAll @IntRange(max = 6) int extra) {
        Money rescaled = Money.eur(a.amount().setScale(a.amount().scale() + extra));
        assertThat(rescaled).isEqualTo(a).hasSameHashCodeAs(a);
    }
}
