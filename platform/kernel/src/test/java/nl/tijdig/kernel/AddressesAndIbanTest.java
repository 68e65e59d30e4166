package nl.tijdig.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressesAndIbanTest {

    @ParameterizedTest
    @ValueSource(strings = {"NL", "BE", "DE", "GB", "CW", "SX"})
    void assigned_country_codes_are_taken(String code) {
        assertThat(Addresses.isCountryCode(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "XX", "UK", "NLD", "N", "", "EU"})
    void other_country_codes_are_refused(String code) {
        assertThat(Addresses.isCountryCode(code)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"NL,1234 AB,true", "NL,1234AB,true", "NL,9999 zz,true", "NL,0123 AB,false", "NL,1234 SA,false",
            "NL,xxxxxxxx,false", "NL,1234  AB,false", "NL,12345,false", "BE,1000,true", "GB,SW1A 1AA,true",
            "DE,10115,true", "DE,'<script>',false", "US,12345-6789,true"})
    void postal_codes_are_checked_for_their_country(String country, String code, boolean taken) {
        assertThat(Addresses.postalCodeRefusal(country, code).isEmpty()).isEqualTo(taken);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NL91ABNA0417164300", "nl91 abna 0417 1643 00", "DE89370400440532013000",
            "BE68539007547034"})
    void valid_ibans_are_taken_with_spaces_and_in_any_case(String iban) {
        assertThat(Iban.isValid(iban)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NL91ABNA0417164301", "NL91ABNA041716430", "XX91ABNA0417164300", "1234", "",
            "NL91ABNA0417164300NL91ABNA0417164300"})
    void ibans_failing_their_country_length_or_check_digits_are_refused(String iban) {
        assertThat(Iban.isValid(iban)).isFalse();
    }
}
