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
    void words_with_digits_are_invoice_number_candidates_in_order() {
        assertThat(Remittance.words("Fact. 2026-000123 en f26-000124, dank!")).containsExactly("2026-000123", "F26-000124");
        assertThat(Remittance.words("zie mail")).isEmpty();
    }

    @Test
    void names_compare_without_case_punctuation_or_legal_form() {
        assertThat(Remittance.nameKey("BAKKERIJ DE GOUDEN KORST BV")).isEqualTo(Remittance.nameKey("Bakkerij De Gouden Korst B.V."));
    }
}
