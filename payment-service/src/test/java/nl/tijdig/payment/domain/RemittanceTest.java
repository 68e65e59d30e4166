package nl.tijdig.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import nl.tijdig.kernel.Betalingskenmerk;
import org.junit.jupiter.api.Test;

class RemittanceTest {

    @Test
    void a_betalingskenmerk_is_found_written_in_groups_and_a_wrong_check_digit_is_not() {
        String kenmerk = Betalingskenmerk.of(56789012345L);
        String grouped = kenmerk.substring(0, 4) + " " + kenmerk.substring(4, 8) + " " + kenmerk.substring(8, 12) + " "
                + kenmerk.substring(12);

        assertThat(Remittance.betalingskenmerk("Betalingskenm. " + grouped + " factuur")).contains(kenmerk);
        String wrong = (kenmerk.charAt(0) == '9' ? "1" : String.valueOf((char) (kenmerk.charAt(0) + 1))) + kenmerk.substring(1);
        assertThat(Remittance.betalingskenmerk(wrong)).isEmpty();
        assertThat(Remittance.betalingskenmerk(null)).isEmpty();
    }

    @Test
    void a_short_betalingskenmerk_counts_when_the_bank_gave_it_structured_or_the_text_names_it() {
        String short9 = Betalingskenmerk.withLengthCode("1234567");

        assertThat(Remittance.betalingskenmerk(short9, null)).contains(short9);
        assertThat(Remittance.betalingskenmerk(null, "BETALINGSKENMERK: " + short9)).contains(short9);
        assertThat(Remittance.betalingskenmerk(null, "kenmerk 7654321 dank")).contains("7654321");
        // a number in free text is not a reference unless it is a full 16-digit one
        assertThat(Remittance.betalingskenmerk(null, "factuur " + short9)).isEmpty();
    }

    /** ISO 11649's own example: RF18 5390 0754 7034. */
    @Test
    void an_rf_creditor_reference_is_found_with_its_check_digits_verified() {
        assertThat(Remittance.isCreditorReference("RF18539007547034")).isTrue();
        assertThat(Remittance.isCreditorReference("RF19539007547034")).isFalse();
        assertThat(Remittance.creditorReference(null, "Betaling RF18 5390 0754 7034 dank")).contains("RF18539007547034");
        assertThat(Remittance.creditorReference("rf18539007547034", null)).contains("RF18539007547034");
        assertThat(Remittance.creditorReference(null, "RF19 5390 0754 7034")).isEmpty();
        assertThat(Remittance.creditorReferenceOf("539007547034")).isEqualTo("RF18539007547034");
        assertThat(Remittance.creditorReferenceOf("S260002")).satisfies(rf ->
                assertThat(Remittance.isCreditorReference(rf)).isTrue());
    }

    @Test
    void words_with_digits_are_invoice_number_candidates_in_order() {
        assertThat(Remittance.words("Fact. 2026-000123 en f26-000124, dank!")).containsExactly("2026-000123", "F26-000124");
        assertThat(Remittance.words("zie mail")).isEmpty();
    }

    @Test
    void names_compare_without_case_punctuation_or_legal_form() {
        assertThat(Remittance.nameKey("BAKKERIJ DE GOUDEN KORST BV")).isEqualTo(Remittance.nameKey("Bakkerij De Gouden Korst B.V."));
    }
}
