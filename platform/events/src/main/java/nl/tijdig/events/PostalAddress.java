package nl.tijdig.events;

import static nl.tijdig.events.Values.text;

/** A postal address; {@code countryCode} is ISO 3166-1 alpha-2. */
public record PostalAddress(String street, String postalCode, String city, String countryCode) {

    public PostalAddress {
        text(street, "street");
        text(postalCode, "postalCode");
        text(city, "city");
        text(countryCode, "countryCode");
    }
}
