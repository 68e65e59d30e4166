package nl.tijdig.notification.domain;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.tijdig.events.CreditorSnapshot;
import nl.tijdig.events.InvoiceSummary;
import nl.tijdig.events.PostalAddress;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.kernel.Money;

/**
 * What a letter's template may say, from the ReminderDue alone, formatted for its language: amounts as
 * {@code € 1.210,00} (nl) or {@code € 1,210.00} (en), dates as {@code 1 oktober 2026} / {@code 1 October 2026}.
 * The templates see it as {@code l}: {@code l.debtor.name}, {@code l.creditor.iban}, {@code l.invoices}
 * (each {@code number}, {@code issueDate}, {@code dueDate}, {@code principal}, {@code open}),
 * {@code l.invoiceNumbers}, {@code l.totalOpen}, {@code l.interest}, {@code l.hasInterest},
 * {@code l.collectionCosts}, {@code l.hasCosts}, {@code l.totalDue}, {@code l.paymentReference},
 * {@code l.payLink}, {@code l.letterDate}, {@code l.payWithinDays}, {@code l.firstDueDate}, {@code l.step},
 * {@code l.kind}, {@code l.language}. A value the event leaves out (a pay link, a reference) is null.
 */
public final class LetterModel {

    /** The languages letters are written in; any other language of a debtor gets Dutch. */
    public static final List<String> LANGUAGES = List.of("nl", "en");

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    private LetterModel() {
    }

    /** The language the debtor's letter is written in: theirs when it is one of {@link #LANGUAGES}, else Dutch. */
    public static String language(ReminderDue reminder) {
        String language = reminder.debtor().language() == null ? "nl" : reminder.debtor().language().toLowerCase(Locale.ROOT);
        return LANGUAGES.contains(language) ? language : "nl";
    }

    /** The template data for the reminder. */
    public static Map<String, Object> of(ReminderDue r) {
        boolean en = "en".equals(language(r));
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("language", en ? "en" : "nl");
        l.put("kind", r.kind().name());
        l.put("step", r.step());
        Map<String, Object> debtor = new LinkedHashMap<>();
        debtor.put("name", r.debtor().name());
        debtor.put("email", r.debtor().email());
        debtor.put("addressLines", addressLines(r.debtor().address()));
        l.put("debtor", debtor);
        CreditorSnapshot c = r.creditor();
        Map<String, Object> creditor = new LinkedHashMap<>();
        creditor.put("name", c.name());
        creditor.put("kvkNumber", c.kvkNumber());
        creditor.put("vatId", c.vatId());
        creditor.put("iban", c.iban());
        creditor.put("bic", c.bic());
        creditor.put("email", c.email());
        creditor.put("addressLines", addressLines(c.address()));
        l.put("creditor", creditor);
        List<Map<String, Object>> invoices = new ArrayList<>();
        for (InvoiceSummary i : r.invoices()) {
            Map<String, Object> invoice = new LinkedHashMap<>();
            invoice.put("number", i.invoiceNumber());
            invoice.put("issueDate", date(i.issueDate(), en));
            invoice.put("dueDate", date(i.dueDate(), en));
            invoice.put("principal", money(i.principal(), en));
            invoice.put("open", money(i.open(), en));
            invoices.add(invoice);
        }
        l.put("invoices", invoices);
        l.put("invoiceNumbers", String.join(", ", r.invoices().stream().map(InvoiceSummary::invoiceNumber).toList()));
        l.put("firstDueDate", date(r.invoices().stream().map(InvoiceSummary::dueDate).min(LocalDate::compareTo).orElseThrow(), en));
        l.put("totalOpen", money(r.totalOpen(), en));
        l.put("interest", money(r.interest(), en));
        l.put("hasInterest", r.interest().isPositive());
        l.put("collectionCosts", money(r.collectionCosts(), en));
        l.put("hasCosts", r.collectionCosts().isPositive());
        boolean costsVat = r.collectionCostsVat() != null && r.collectionCostsVat().isPositive();
        l.put("hasCostsVat", costsVat);
        l.put("collectionCostsVat", costsVat ? money(r.collectionCostsVat(), en) : money(Money.zero(r.collectionCosts().currency()), en));
        l.put("totalDue", money(r.totalDue(), en));
        l.put("paymentReference", r.paymentReference());
        l.put("payLink", r.payLink());
        l.put("letterDate", date(r.letterDate(), en));
        l.put("payWithinDays", r.payWithinDays());
        return l;
    }

    /** An amount as the language writes it: {@code € 1.210,00} or {@code € 1,210.00}; other currencies by code. */
    public static String money(Money money, boolean en) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(en ? Locale.UK : DUTCH));
        String code = money.currency().getCurrencyCode();
        return ("EUR".equals(code) ? "€ " : code + " ") + format.format(money.amount().setScale(2, RoundingMode.HALF_UP));
    }

    /** A date as the language writes it: {@code 1 oktober 2026} or {@code 1 October 2026}. */
    public static String date(LocalDate date, boolean en) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", en ? Locale.UK : DUTCH));
    }

    /** The lines of a postal address: street, postal code and city, and the country when not the Netherlands. */
    public static List<String> addressLines(PostalAddress address) {
        if (address == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        if (address.street() != null) {
            lines.add(address.street());
        }
        String city = ((address.postalCode() == null ? "" : address.postalCode() + "  ") + (address.city() == null ? "" : address.city())).trim();
        if (!city.isEmpty()) {
            lines.add(city);
        }
        if (address.countryCode() != null && !"NL".equalsIgnoreCase(address.countryCode())) {
            lines.add(address.countryCode().toUpperCase(Locale.ROOT));
        }
        return lines;
    }
}
