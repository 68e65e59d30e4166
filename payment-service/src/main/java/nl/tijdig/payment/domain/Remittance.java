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
 * What a remittance text (omschrijving) can say about what it pays: a betalingskenmerk (16 digits,
 * often written in groups of four, with its check digit: {@link Betalingskenmerk}) and the words that may be invoice numbers.
 */
public final class Remittance {

    private static final Pattern KENMERK = Pattern.compile("(?<![0-9])(?:[0-9][ .]?){15}[0-9](?![0-9])");
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
