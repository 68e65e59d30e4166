package nl.tijdig.invoice.domain;

import java.util.regex.Pattern;

/** Formats of the Dutch identifiers an invoice carries (art. 35a Wet OB). */
public final class DutchIdentifiers {

    private static final Pattern KVK = Pattern.compile("[0-9]{8}");
    private static final Pattern NL_VAT_ID = Pattern.compile("NL[0-9]{9}B[0-9]{2}");

    private DutchIdentifiers() {
    }

    /** A KvK number (Kamer van Koophandel): 8 digits. */
    public static boolean isKvkNumber(String value) {
        return value != null && KVK.matcher(value).matches();
    }

    /** A Dutch VAT id (btw-identificatienummer): NL, 9 digits, B, 2 digits, e.g. NL001234567B01. */
    public static boolean isNlVatId(String value) {
        return value != null && NL_VAT_ID.matcher(value).matches();
    }
}
