package nl.tijdig.payment.sepa;

import java.text.Normalizer;

/**
 * Text as SEPA lets it through (the EPC's Latin character set: a-z A-Z 0-9 / - ? : ( ) . , ' + and
 * space): accents dropped (é → e), anything else a space, cut to the field's length.
 */
public final class SepaText {

    private SepaText() {
    }

    public static String latin(String value, int max) {
        if (value == null) {
            return null;
        }
        String plain = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('&', '+').replaceAll("[^A-Za-z0-9/\\-?:().,'+ ]", " ").replaceAll(" {2,}", " ").trim();
        if (plain.isEmpty()) {
            plain = "-";
        }
        return plain.length() > max ? plain.substring(0, max).trim() : plain;
    }
}
