package nl.tijdig.kernel;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parts of a postal address that have a standard: the country as ISO 3166-1 alpha-2, and a Dutch
 * postal code as PostNL writes it (four digits, the first not 0, then two letters other than SA, SD and
 * SS; one space between them or none).
 */
public final class Addresses {

    private static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
    private static final Pattern DUTCH_POSTAL_CODE = Pattern.compile("[1-9][0-9]{3} ?(?!SA|SD|SS)[A-Z]{2}");
    /** Any country's: letters, digits, spaces and hyphens, at most 10 (the longest in use are 10). */
    private static final Pattern POSTAL_CODE = Pattern.compile("[A-Z0-9][A-Z0-9 -]{0,9}");

    private Addresses() {
    }

    /** Whether the code is an assigned ISO 3166-1 alpha-2 country code, in capitals: NL, BE, DE. */
    public static boolean isCountryCode(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    /** Why a postal code is refused for that country, or empty: Dutch ones must look like 1234 AB. */
    public static Optional<String> postalCodeRefusal(String countryCode, String postalCode) {
        if (postalCode == null) {
            return Optional.empty();
        }
        if ("NL".equals(countryCode)) {
            return DUTCH_POSTAL_CODE.matcher(postalCode.toUpperCase(Locale.ROOT)).matches() ? Optional.empty()
                    : Optional.of("is not a Dutch postal code like 1234 AB");
        }
        return POSTAL_CODE.matcher(postalCode.toUpperCase(Locale.ROOT)).matches() ? Optional.empty()
                : Optional.of("is not a postal code (letters, digits, spaces and hyphens, at most 10)");
    }
}
