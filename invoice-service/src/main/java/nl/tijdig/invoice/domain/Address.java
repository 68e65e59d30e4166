package nl.tijdig.invoice.domain;

import nl.tijdig.kernel.Addresses;

/**
 * A postal address; {@code countryCode} is ISO 3166-1 alpha-2, a Dutch postal code looks like 1234 AB.
 * Parts may be missing or wrong until validated.
 */
public record Address(String street, String postalCode, String city, String countryCode) {

    /** The parts that are missing, as violations under {@code prefix}. */
    void requireComplete(String prefix, Violations violations) {
        violations.requireText(prefix + ".street", street);
        violations.requireText(prefix + ".postalCode", postalCode);
        violations.requireText(prefix + ".city", city);
        violations.requireText(prefix + ".countryCode", countryCode);
        if (countryCode != null && !countryCode.isBlank() && !Addresses.isCountryCode(countryCode)) {
            violations.add(prefix + ".countryCode", "must be an ISO 3166-1 alpha-2 country code like NL or BE");
        }
        if (postalCode != null && !postalCode.isBlank()) {
            Addresses.postalCodeRefusal(countryCode, postalCode).ifPresent(r -> violations.add(prefix + ".postalCode", r));
        }
    }
}
