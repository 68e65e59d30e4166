package nl.tijdig.kernel;

import java.util.Locale;
import org.iban4j.IbanUtil;

/**
 * An IBAN as Tijdig takes it anywhere (a debtor's, the creditor's, a payer's, a mandate's, a refund's):
 * written with or without spaces, in any case; valid by ISO 13616 — a country of the IBAN registry, that
 * country's length and format, and the mod-97 check digits (iban4j).
 */
public final class Iban {

    private Iban() {
    }

    /** Without spaces, in capitals: how an IBAN is stored and compared (null stays null). */
    public static String normal(String value) {
        return value == null ? null : value.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** Whether the value, in its normal form, is a valid IBAN. */
    public static boolean isValid(String value) {
        String normal = normal(value);
        return normal != null && normal.length() >= 15 && normal.length() <= 34 && IbanUtil.isValid(normal);
    }

    /** The message a refused IBAN gets, the same in every service. */
    public static final String REFUSAL = "is not a valid IBAN (country, length or check digits)";
}
