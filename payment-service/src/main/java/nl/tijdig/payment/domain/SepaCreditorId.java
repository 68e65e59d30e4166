package nl.tijdig.payment.domain;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SEPA creditor identifier (in the Netherlands the incassant-ID, issued by the bank): country code,
 * two check digits, a three-character business code the check ignores, and the national id. The check
 * digits are ISO 7064 MOD 97-10 over the national id followed by the country code and {@code 00}
 * (EPC262-08).
 */
public final class SepaCreditorId {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}");

    private SepaCreditorId() {
    }

    /** Without spaces, in capitals. */
    public static String normal(String value) {
        return value == null ? null : value.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String normal) {
        if (normal == null || !SHAPE.matcher(normal).matches()) {
            return false;
        }
        String national = normal.substring(7);
        return checkDigits(national, normal.substring(0, 2)).equals(normal.substring(2, 4));
    }

    /** The two check digits for a national id in a country. */
    public static String checkDigits(String national, String country) {
        StringBuilder digits = new StringBuilder();
        for (char c : (national + country + "00").toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return String.format(Locale.ROOT, "%02d", check);
    }
}
