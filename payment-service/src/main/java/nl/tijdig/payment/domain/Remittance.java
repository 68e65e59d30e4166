package nl.tijdig.payment.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.tijdig.kernel.Betalingskenmerk;

/**
 * What a remittance text (omschrijving) and a structured creditor reference can say about what they pay:
 * a betalingskenmerk ({@link Betalingskenmerk}: 16 digits, often written in groups of four, anywhere in
 * the text; 7 or 9 to 14 digits when the bank gave it as a structured reference or the text names it
 * "betalingskenmerk"/"kenmerk"), an ISO 11649 RF creditor reference, and the words that may be invoice
 * numbers.
 */
public final class Remittance {

    private static final Pattern KENMERK = Pattern.compile("(?<![0-9])(?:[0-9][ .]?){15}[0-9](?![0-9])");
    private static final Pattern NAMED = Pattern.compile(
            "(?i)\\b(?:betalingskenm(?:erk)?|kenmerk)\\.?\\s*:?\\s*((?:[0-9][ .]?){6,15}[0-9])(?![0-9])");
    private static final Pattern RF = Pattern.compile("(?i)\\bRF ?[0-9]{2}(?: ?[A-Z0-9]){1,21}\\b");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.-]*[A-Za-z0-9]|[0-9]+");

    private Remittance() {
    }

    /** The first valid betalingskenmerk in the text, as 16 digits. */
    public static Optional<String> betalingskenmerk(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = KENMERK.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("[ .]", "");
            if (Betalingskenmerk.isValid(digits)) {
                return Optional.of(digits);
            }
        }
        return Optional.empty();
    }

    /**
     * The betalingskenmerk of a payment: its structured reference when that is one (in any of the three forms),
     * else one the text names ("betalingskenmerk: 5012 3456 7890"), else the first valid 16-digit one in the text.
     */
    public static Optional<String> betalingskenmerk(String reference, String text) {
        if (reference != null) {
            String digits = reference.replaceAll("[\\s.]", "");
            if (Betalingskenmerk.isValid(digits)) {
                return Optional.of(digits);
            }
        }
        if (text != null) {
            Matcher named = NAMED.matcher(text);
            while (named.find()) {
                String digits = named.group(1).replaceAll("[ .]", "");
                if (Betalingskenmerk.isValid(digits)) {
                    return Optional.of(digits);
                }
            }
        }
        return betalingskenmerk(text);
    }

    /**
     * The ISO 11649 creditor reference of a payment ("RF18 5390 0754 7034"), from its structured reference or
     * the text, without spaces and in capitals; only one whose check digits are right.
     */
    public static Optional<String> creditorReference(String reference, String text) {
        for (String source : new String[] {reference, text}) {
            if (source == null) {
                continue;
            }
            Matcher m = RF.matcher(source);
            while (m.find()) {
                // the reference may be followed by other words: the longest run of groups that checks out
                String[] groups = m.group().split(" ");
                for (int n = groups.length; n > 0; n--) {
                    String rf = String.join("", java.util.Arrays.copyOf(groups, n)).toUpperCase(Locale.ROOT);
                    if (isCreditorReference(rf)) {
                        return Optional.of(rf);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The ISO 11649 creditor reference of a creditor's own reference (1 to 21 letters and digits): "RF", check digits, it. */
    public static String creditorReferenceOf(String body) {
        String upper = body == null ? "" : body.toUpperCase(Locale.ROOT);
        if (!upper.matches("[A-Z0-9]{1,21}")) {
            throw new IllegalArgumentException("an RF reference holds 1 to 21 letters and digits");
        }
        for (int check = 2; check <= 98; check++) {
            String rf = "RF" + String.format("%02d", check) + upper;
            if (isCreditorReference(rf)) {
                return rf;
            }
        }
        throw new IllegalStateException("no check digits for " + body);
    }

    /** ISO 11649: "RF", two check digits, 1 to 21 letters and digits; mod 97 of the rearranged number is 1. */
    public static boolean isCreditorReference(String rf) {
        if (rf == null || !rf.matches("RF[0-9]{2}[A-Z0-9]{1,21}")) {
            return false;
        }
        String rearranged = rf.substring(4) + rf.substring(0, 4);
        int mod = 0;
        for (char c : rearranged.toCharArray()) {
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            mod = (value > 9 ? mod * 100 + value : mod * 10 + value) % 97;
        }
        return mod == 1;
    }

    /** The words of the text that could be invoice numbers, in order, without repeats (at most 20). */
    public static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find() && words.size() < 20) {
            String word = m.group();
            if (word.chars().anyMatch(Character::isDigit)) {
                words.add(word.toUpperCase(Locale.ROOT));
            }
        }
        return List.copyOf(words);
    }

    /** A name as compared: capitals, without punctuation, legal forms and double spaces. */
    public static String nameKey(String name) {
        if (name == null) {
            return "";
        }
        String key = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9 ]", " ")
                .replaceAll("\\b(B ?V|N ?V|V ?O ?F|C ?V|BV|NV|VOF|CV|HOLDING)\\b", " ")
                .replaceAll("\\s+", " ").strip();
        return key;
    }
}
