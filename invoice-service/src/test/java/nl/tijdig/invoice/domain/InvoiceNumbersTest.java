package nl.tijdig.invoice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InvoiceNumbersTest {

    @Test
    void numbers_are_the_series_and_a_six_digit_counter() {
        assertThat(InvoiceNumbers.format("2026", 123)).isEqualTo("2026-000123");
        assertThat(InvoiceNumbers.format("2026", 1_234_567)).isEqualTo("2026-1234567");
        assertThat(InvoiceNumbers.format("WEB", 1)).isEqualTo("WEB-000001");
    }

    @Test
    void a_series_is_letters_and_digits_and_counters_start_at_one() {
        assertThatThrownBy(() -> InvoiceNumbers.format("20 26", 1)).hasMessageContaining("letters and digits");
        assertThatThrownBy(() -> InvoiceNumbers.format("2026", 0)).hasMessageContaining("start at 1");
    }
}
