package nl.tijdig.invoice.domain;

import java.util.regex.Pattern;
import nl.tijdig.kernel.Iban;

/** Checks and normal forms of contact data: email addresses, IBANs, languages, foreign VAT ids. */
final class Contact {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern EU_VAT_ID = Pattern.compile("[A-Z]{2}[A-Z0-9]{2,13}");

    private Contact() {
    }

    static boolean isEmail(String value) {
        return value != null && EMAIL.matcher(value).matches();
    }

    /** An IBAN without spaces, in capitals: how it is stored and printed in groups later. */
    static String normalIban(String value) {
        return Iban.normal(value);
    }

    /** ISO 13616: known country, its length, and the mod-97 check (the kernel's {@link Iban}). */
    static boolean isIban(String normal) {
        return Iban.isValid(normal);
    }

    static boolean isLanguage(String value) {
        return "nl".equals(value) || "en".equals(value);
    }

    /** A VAT id: Dutch ones by the Dutch format, others by the EU's general shape. */
    static boolean isVatId(String value) {
        if (value == null) {
            return false;
        }
        return value.startsWith("NL") ? DutchIdentifiers.isNlVatId(value) : EU_VAT_ID.matcher(value).matches();
    }
}
