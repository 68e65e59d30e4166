package nl.tijdig.notification.letters;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.tijdig.events.DebtorContact;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Violation;
import nl.tijdig.notification.domain.Delivery;
import nl.tijdig.notification.domain.LetterModel;
import nl.tijdig.notification.domain.LetterTemplate;
import nl.tijdig.notification.domain.SmsText;

/**
 * Renders a reminder from its ReminderDue alone: the subject and body of its template (the tenant's, or the
 * built-in one for its kind and language) inside the fixed letter layout, as XHTML (the email's HTML part),
 * plain text (the text part) and PDF (the letter itself, rendered from the XHTML by openhtmltopdf), with the
 * SHA-256 of what is sent. Values are HTML-escaped in the XHTML; a template that refers to something the
 * model does not have fails to render (strict rendering), which is how a tenant's template is checked.
 */
@ApplicationScoped
public class LetterRenderer {

    private static final Variant HTML = new Variant(Locale.ROOT, "text/html", "UTF-8");
    private static final Variant TEXT = new Variant(Locale.ROOT, "text/plain", "UTF-8");

    /** A letter as it will be sent. {@code template} names the template used ("built-in" or "tenant"). */
    public record Rendered(String subject, String html, String text, byte[] pdf, String contentHash, String template) {
    }

    /** The letter could not be rendered with the template. */
    public static class RenderingFailed extends RuntimeException {
        private final String field;

        RenderingFailed(String field, String message, Throwable cause) {
            super(message, cause);
            this.field = field;
        }

        /** The part of the template at fault: subject or body. */
        public String field() {
            return field;
        }
    }

    @Inject
    Engine engine;

    private final Map<ReminderDue.Kind, Map<String, LetterTemplate>> builtIn = new EnumMap<>(ReminderDue.Kind.class);
    private final Map<String, Template> parsed = new java.util.concurrent.ConcurrentHashMap<>();
    private Template htmlLayout;
    private Template textLayout;
    private Template overviewLayout;

    @jakarta.annotation.PostConstruct
    void load() {
        for (ReminderDue.Kind kind : ReminderDue.Kind.values()) {
            Map<String, LetterTemplate> byLanguage = new HashMap<>();
            for (String language : LetterModel.LANGUAGES) {
                byLanguage.put(language, new LetterTemplate(kind, language,
                        resource(kind + "." + language + ".subject.txt").strip(), resource(kind + "." + language + ".body.html")));
            }
            builtIn.put(kind, byLanguage);
        }
        htmlLayout = engine.parse(resource("layout.html"), HTML);
        textLayout = engine.parse(resource("layout.txt"), TEXT);
        overviewLayout = engine.parse(resource("weekly-overview.html"), HTML);
    }

    /** The weekly overview mail to the creditor: subject, HTML and text. */
    public Rendered overview(nl.tijdig.events.WeeklyOverviewCompiled overview, String creditorName,
            List<nl.tijdig.notification.domain.OverviewModel.DisabledWebhook> disabledWebhooks) {
        String html = overviewLayout.data("o", nl.tijdig.notification.domain.OverviewModel.of(overview, creditorName, disabledWebhooks))
                .render();
        String subject = "Weekoverzicht debiteuren " + overview.week() + " — " + creditorName;
        String text = HtmlText.of(html.substring(html.indexOf("<body")));
        return new Rendered(subject, html, text, new byte[0], Delivery.contentHash(subject, text, new byte[0]), "built-in");
    }

    /** The built-in template of a kind in a language (nl, en). */
    public LetterTemplate builtIn(ReminderDue.Kind kind, String language) {
        return builtIn.get(kind).get(language);
    }

    /**
     * Renders the reminder for a channel: the letter (PDF, HTML) always, as the evidence of what was asked;
     * by SMS the text is the short message ({@link SmsText}) instead of the letter's text.
     */
    public Rendered render(ReminderDue reminder, Optional<LetterTemplate> tenantTemplate, nl.tijdig.events.Channel channel) {
        Rendered letter = render(reminder, tenantTemplate);
        if (channel != nl.tijdig.events.Channel.SMS) {
            return letter;
        }
        String sms = SmsText.of(reminder);
        return new Rendered(letter.subject(), letter.html(), sms, letter.pdf(), Delivery.contentHash(letter.subject(), sms,
                letter.pdf()), letter.template());
    }

    /** Renders the reminder with the template (the tenant's, when it has one; else the built-in one). */
    public Rendered render(ReminderDue reminder, Optional<LetterTemplate> tenantTemplate) {
        String language = LetterModel.language(reminder);
        LetterTemplate template = tenantTemplate.orElse(builtIn(reminder.kind(), language));
        return render(reminder, template, tenantTemplate.isPresent() ? "tenant" : "built-in");
    }

    Rendered render(ReminderDue reminder, LetterTemplate template, String source) {
        Map<String, Object> model = LetterModel.of(reminder);
        Map<String, String> labels = Labels.of((String) model.get("language"));
        String subject;
        String body;
        try {
            subject = template(template.subject(), TEXT).data("l", model).render().strip();
        } catch (TemplateException e) {
            throw new RenderingFailed("subject", "the subject does not render: " + e.getMessage(), e);
        }
        try {
            body = template(template.body(), HTML).data("l", model).render();
        } catch (TemplateException e) {
            throw new RenderingFailed("body", "the body does not render: " + e.getMessage(), e);
        }
        String html = htmlLayout.data("l", model).data("t", labels).data("subject", subject).data("body", body).render();
        String text = textLayout.data("l", model).data("t", labels).data("subject", subject).data("body", HtmlText.of(body))
                .render().replaceAll("\n{3,}", "\n\n");
        byte[] pdf;
        try {
            pdf = pdf(html);
        } catch (RuntimeException e) {
            throw new RenderingFailed("body", "the letter is not well-formed XHTML: " + rootMessage(e), e);
        }
        return new Rendered(subject, html, text, pdf, Delivery.contentHash(subject, text, pdf), source);
    }

    /**
     * What is wrong with a tenant's template: it must render, as XHTML that makes a PDF, against the
     * contract example of ReminderDue in the template's kind and language (with and without a pay link,
     * reference, interest and costs); a 14-dagenbrief must say what the law needs it to say; and a letter asks
     * for one amount — the one its table shows to pay, interest included ({@code l.totalDue}) — never the open
     * principal beside it.
     */
    public List<Violation> verify(LetterTemplate template) {
        List<Violation> violations = new ArrayList<>();
        for (ReminderDue example : examples(template.kind(), template.language())) {
            try {
                Rendered rendered = render(example, template, "tenant");
                String words = (rendered.subject() + "\n" + rendered.text()).replaceAll("\\s+", " ");
                for (String required : LetterTemplate.requiredWords(template.kind(), template.language())) {
                    if (!words.contains(required)) {
                        violations.add(new Violation("body",
                                "a " + template.kind() + " must say \"" + required + "\" (the term the law accepts)"));
                    }
                }
                boolean english = "en".equals(template.language());
                if (example.interest().isPositive() && !example.totalOpen().equals(example.totalDue())
                        && HtmlText.of(template(template.body(), HTML).data("l", LetterModel.of(example)).render())
                                .contains(LetterModel.money(example.totalOpen(), english))) {
                    violations.add(new Violation("body", "the letter asks to pay " + LetterModel.money(example.totalOpen(),
                            english) + " ({l.totalOpen}) while it shows " + LetterModel.money(example.totalDue(), english)
                            + " to pay, interest included ({l.totalDue}): a letter asks for one amount"));
                }
                if (template.kind() == ReminderDue.Kind.FOURTEEN_DAY_LETTER && example.collectionCosts().isPositive()
                        && !words.contains(LetterModel.money(example.collectionCosts(), "en".equals(template.language())))) {
                    violations.add(new Violation("body",
                            "a FOURTEEN_DAY_LETTER must name the collection costs ({l.collectionCosts})"));
                }
            } catch (RenderingFailed e) {
                violations.add(new Violation(e.field(), e.getMessage()));
            }
            if (!violations.isEmpty()) {
                break;
            }
        }
        return violations.stream().distinct().toList();
    }

    /** The contract example of ReminderDue as a letter of this kind and language, in its variations. */
    static List<ReminderDue> examples(ReminderDue.Kind kind, String language) {
        ReminderDue e = EventExamples.event(ReminderDue.class);
        DebtorContact d = e.debtor();
        DebtorContact debtor = new DebtorContact(d.debtorId(), d.name(), d.segment(), language, d.email(), d.emailAgreed(),
                d.phone(), d.address(), d.kvkNumber());
        Money costs = Money.eur("131.00");
        Money interest = Money.eur("12.34");
        return List.of(
                new ReminderDue(e.tenantId(), e.caseId(), e.reminderId(), e.step(), kind, e.channels(), debtor, e.creditor(),
                        e.invoices(), e.totalOpen(), costs, e.interest(), e.totalDue(), e.paymentReference(), e.payLink(),
                        e.letterDate(), e.payWithinDays(), e.occurredAt()),
                new ReminderDue(e.tenantId(), e.caseId(), e.reminderId(), e.step(), kind, e.channels(), debtor, e.creditor(),
                        e.invoices().subList(0, 1), e.invoices().get(0).open(), Money.eur("0.00"), interest,
                        e.invoices().get(0).open().plus(interest), null, null, e.letterDate(), e.payWithinDays(), e.occurredAt()),
                new ReminderDue(e.tenantId(), e.caseId(), e.reminderId(), e.step(), kind, e.channels(), debtor, e.creditor(),
                        e.invoices(), e.totalOpen(), costs, interest, e.totalOpen().plus(interest), e.paymentReference(),
                        e.payLink(), e.letterDate(), e.payWithinDays(), e.occurredAt()));
    }

    private io.quarkus.qute.TemplateInstance template(String source, Variant variant) {
        return parsed.computeIfAbsent(variant.getContentType() + "\u0000" + source, key -> engine.parse(source, variant)).instance();
    }

    static byte[] pdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.withProducer("Tijdig");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    private static String resource(String name) {
        try (InputStream in = LetterRenderer.class.getResourceAsStream("/letters/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing letter template /letters/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
