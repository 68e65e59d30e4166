package nl.tijdig.invoice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DutchIdentifiersTest {

    @Test
    void kvk_numbers_are_eight_digits() {
        assertThat(DutchIdentifiers.isKvkNumber("12345678")).isTrue();
        assertThat(DutchIdentifiers.isKvkNumber("1234567")).isFalse();
        assertThat(DutchIdentifiers.isKvkNumber("1234567A")).isFalse();
        assertThat(DutchIdentifiers.isKvkNumber(null)).isFalse();
    }

    @Test
    void dutch_vat_ids_are_nl_nine_digits_b_two_digits() {
        assertThat(DutchIdentifiers.isNlVatId("NL001234567B01")).isTrue();
        assertThat(DutchIdentifiers.isNlVatId("nl001234567b01")).isFalse();
        assertThat(DutchIdentifiers.isNlVatId("NL001234567B1")).isFalse();
        assertThat(DutchIdentifiers.isNlVatId("BE0123456789")).isFalse();
    }
}
