package nl.tijdig.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BetalingskenmerkTest {

    @Test
    void the_betaalvereniging_example_has_check_digit_5() {
        assertThat(Betalingskenmerk.of(56_789_012_345L)).isEqualTo("5000056789012345");
        assertThat(Betalingskenmerk.isValid("5000056789012345")).isTrue();
    }

    @Test
    void check_digits_10_and_11_become_1_and_0() {
        // find numbers whose raw check value is 10 and 11, and see them mapped
        boolean sawTen = false;
        boolean sawEleven = false;
        for (long n = 1; n < 200 && !(sawTen && sawEleven); n++) {
            String digits = String.format("%015d", n);
            int sum = 0;
            int[] weights = {2, 4, 8, 5, 10, 9, 7, 3, 6, 1};
            for (int i = 0; i < 15; i++) {
                sum += (digits.charAt(14 - i) - '0') * weights[i % 10];
            }
            int raw = 11 - sum % 11;
            if (raw == 10) {
                sawTen = true;
                assertThat(Betalingskenmerk.of(n)).startsWith("1");
            }
            if (raw == 11) {
                sawEleven = true;
                assertThat(Betalingskenmerk.of(n)).startsWith("0");
            }
        }
        assertThat(sawTen && sawEleven).isTrue();
    }

    @Test
    void every_generated_reference_is_valid_and_nearly_every_typo_is_caught() {
        int typos = 0;
        int caught = 0;
        for (long n = 0; n < 5_000; n += 7) {
            String reference = Betalingskenmerk.of(n * 1_000_003L);
            assertThat(reference).hasSize(16);
            assertThat(Betalingskenmerk.isValid(reference)).isTrue();
            char last = reference.charAt(15);
            String typo = reference.substring(0, 15) + (char) ('0' + (last - '0' + 1) % 10);
            typos++;
            if (!Betalingskenmerk.isValid(typo)) {
                caught++;
            }
        }
        // the scheme maps a raw check value of 10 to 1, so it cannot tell those two apart: a few
        // typos pass by design (e.g. 1000000021000063 and ...064 both check out)
        assertThat(Betalingskenmerk.isValid("1000000021000064")).isTrue();
        assertThat(Betalingskenmerk.isValid("1000000021000063")).isTrue();
        assertThat((double) caught / typos).isGreaterThan(0.85);
    }

    @Test
    void malformed_references_are_invalid_and_numbers_out_of_range_refused() {
        assertThat(Betalingskenmerk.isValid("123456")).isFalse();
        assertThat(Betalingskenmerk.isValid("50000567890123450")).isFalse();
        assertThat(Betalingskenmerk.isValid("500005678901234X")).isFalse();
        assertThat(Betalingskenmerk.isValid("1234567")).isTrue();
        assertThatThrownBy(() -> Betalingskenmerk.of(1_000_000_000_000_000L)).hasMessageContaining("15 digits");
        assertThatThrownBy(() -> Betalingskenmerk.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nine_to_fourteen_digits_carry_a_length_code_inside_the_check() {
        // check digit 3, length code 2 (12 digits), then 1234567890: weighted from the right over "21234567890",
        // 0×2 + 9×4 + 8×8 + 7×5 + 6×10 + 5×9 + 4×7 + 3×3 + 2×6 + 1×1 + 2×2 = 294; 294 mod 11 = 8; 11 − 8 = 3
        assertThat(Betalingskenmerk.isValid("321234567890")).isTrue();
        assertThat(Betalingskenmerk.withLengthCode("1234567890")).isEqualTo("321234567890");
        assertThat(Betalingskenmerk.isValid("421234567890")).as("a wrong check digit").isFalse();
        assertThat(Betalingskenmerk.isValid("331234567890")).as("a wrong length code").isFalse();
        assertThat(Betalingskenmerk.problem("331234567890")).contains("length code 2");
        // the shortest (9) and the longest (14) of the form
        assertThat(Betalingskenmerk.isValid("791234567")).isTrue();
        assertThat(Betalingskenmerk.isValid("14123456789012")).isTrue();
        for (int n = 7; n <= 12; n++) {
            String reference = Betalingskenmerk.withLengthCode("9".repeat(n));
            assertThat(reference).hasSize(n + 2);
            assertThat(Betalingskenmerk.isValid(reference)).isTrue();
        }
    }

    @Test
    void seven_digits_carry_no_check_and_eight_or_fifteen_digits_are_never_valid() {
        assertThat(Betalingskenmerk.isValid("1234567")).isTrue();
        assertThat(Betalingskenmerk.isValid("9999999")).isTrue();
        for (String digits : new String[] {"12345678", "00000000", "500005678901234", "000056789012345"}) {
            assertThat(Betalingskenmerk.isValid(digits)).as(digits).isFalse();
        }
        assertThat(Betalingskenmerk.problem("12345678")).contains("not 8");
        assertThat(Betalingskenmerk.problem("500005678901234")).contains("not 15");
        assertThat(Betalingskenmerk.problem("5000056789012345")).isNull();
        assertThat(Betalingskenmerk.problem("6000056789012345")).contains("check digit");
    }
}
