package nl.tijdig.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.kernel.Violation;

/**
 * The wording of a kind of letter in a language: a subject line and a body, both Qute templates over the
 * {@link LetterModel} ({@code l}). The body is XHTML (paragraphs, emphasis, lists) placed in the fixed
 * letter layout, which adds the letterhead, the addresses, the invoices and amounts, how to pay and the
 * line for a payment that crossed the letter. Built-in templates exist for every kind and language; a
 * tenant may save its own.
 */
public record LetterTemplate(ReminderDue.Kind kind, String language, String subject, String body) {

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 20_000;

    /**
     * The words the law needs in a letter of this kind and language, once rendered: the 14-dagenbrief must
     * give the term as "veertien dagen na de dag van ontvangst" (HR 25 november 2016,
     * ECLI:NL:HR:2016:2704) and name the costs (art. 6:96 lid 6 BW).
     */
    public static List<String> requiredWords(ReminderDue.Kind kind, String language) {
        if (kind != ReminderDue.Kind.FOURTEEN_DAY_LETTER) {
            return List.of();
        }
        return "en".equals(language) ? List.of("fourteen days after the day") : List.of("veertien dagen na de dag van ontvangst");
    }

    /** What is wrong with a template as given, before it is rendered. */
    public static List<Violation> check(String kind, String language, String subject, String body) {
        List<Violation> violations = new ArrayList<>();
        if (kind == null || java.util.Arrays.stream(ReminderDue.Kind.values()).noneMatch(k -> k.name().equals(kind))) {
            violations.add(new Violation("kind", "must be one of " + java.util.Arrays.toString(ReminderDue.Kind.values())));
        }
        if (language == null || !LetterModel.LANGUAGES.contains(language.toLowerCase(Locale.ROOT))) {
            violations.add(new Violation("language", "must be one of " + LetterModel.LANGUAGES));
        }
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT || subject.contains("\n")) {
            violations.add(new Violation("subject", "is required: one line of at most " + MAX_SUBJECT + " characters"));
        }
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            violations.add(new Violation("body", "is required: at most " + MAX_BODY + " characters"));
        }
        return violations;
    }
}
