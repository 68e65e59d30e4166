package nl.tijdig.invoice.domain;

/** A postal address; {@code countryCode} is ISO 3166-1 alpha-2. Parts may be missing until validated. */
public record Address(String street, String postalCode, String city, String countryCode) {

    /** The parts that are missing, as violations under {@code prefix}. */
    void requireComplete(String prefix, Violations violations) {
        violations.requireText(prefix + ".street", street);
        violations.requireText(prefix + ".postalCode", postalCode);
        violations.requireText(prefix + ".city", city);
        violations.requireText(prefix + ".countryCode", countryCode);
    }
}
