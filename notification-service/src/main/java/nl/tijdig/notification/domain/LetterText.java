package nl.tijdig.notification.domain;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.tijdig.events.InvoiceSummary;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.kernel.Money;

/**
 * The words of a reminder, per kind and language (nl, en; anything else gets Dutch), from the ReminderDue
 * alone: the seeds' tone — friendly first, firm at the end, never threatening — the invoices and amounts,
 * how to pay (IBAN, betalingskenmerk, pay link), the costs that will be charged, the deadline in the wording
 * the law accepts for a 14-dagenbrief ("binnen veertien dagen na de dag van ontvangst van deze brief",
 * HR 25-11-2016, ECLI:NL:HR:2016:2704), and "if your payment crossed this letter, please ignore it".
 */
public record LetterText(String language, String subject, String salutation, List<String> opening, List<Line> invoices,
        List<Line> totals, List<String> howToPay, String payLink, List<String> closing, String signature, String letterDate) {

    /** One row of a table: a label and its amount, or an invoice's number, dates and open amount. */
    public record Line(String label, String detail, String amount) {
    }

    public static LetterText of(ReminderDue r) {
        boolean en = "en".equalsIgnoreCase(r.debtor().language());
        String lang = en ? "en" : "nl";
        String first = r.invoices().get(0).invoiceNumber();
        String numbers = r.invoices().size() == 1 ? first : String.join(", ", r.invoices().stream().map(InvoiceSummary::invoiceNumber).toList());
        String total = money(r.totalDue(), en);
        String costs = money(r.collectionCosts(), en);
        boolean withCosts = r.collectionCosts().isPositive();
        List<String> opening = new ArrayList<>();
        String subject;
        switch (r.kind()) {
            case PRE_DUE_NOTICE -> {
                subject = en ? "Friendly reminder: invoice " + numbers + " is due on " + date(r.invoices().get(0).dueDate(), en)
                        : "Vriendelijke herinnering: factuur " + numbers + " vervalt op " + date(r.invoices().get(0).dueDate(), false);
                opening.add(en ? "This is a friendly note that the invoice below will soon be due. If you have already "
                        + "scheduled the payment, thank you — there is nothing more to do."
                        : "Graag attenderen wij u erop dat onderstaande factuur binnenkort vervalt. Heeft u de betaling al "
                        + "ingepland, dan danken wij u hartelijk en hoeft u niets meer te doen.");
            }
            case REMINDER -> {
                subject = en ? "Payment reminder: invoice " + numbers : "Betalingsherinnering: factuur " + numbers;
                opening.add(en ? "According to our records the invoice below has not been paid yet. Perhaps it escaped your "
                        + "attention. Would you please pay " + total + " within " + r.payWithinDays() + " days?"
                        : "Volgens onze administratie is onderstaande factuur nog niet betaald. Wellicht is deze aan uw "
                        + "aandacht ontsnapt. Wilt u " + total + " binnen " + r.payWithinDays() + " dagen betalen?");
            }
            case FINAL_NOTICE -> {
                subject = en ? "Final notice: invoice " + numbers : "Aanmaning: factuur " + numbers;
                opening.add(en ? "Despite our earlier reminder we have not yet received your payment. We ask you to pay "
                        + total + " within " + r.payWithinDays() + " days of the date of this letter."
                        : "Ondanks onze eerdere herinnering hebben wij uw betaling nog niet ontvangen. Wij verzoeken u "
                        + total + " binnen " + r.payWithinDays() + " dagen na de datum van deze brief te betalen.");
                if (withCosts) {
                    opening.add(en ? "If payment is not received in time, we will hand the claim over for collection and "
                            + "collection costs of " + costs + " will be charged, with the statutory commercial interest."
                            : "Ontvangen wij uw betaling niet op tijd, dan dragen wij de vordering over ter incasso en "
                            + "worden incassokosten van " + costs + " in rekening gebracht, met de wettelijke handelsrente.");
                }
            }
            case FOURTEEN_DAY_LETTER -> {
                subject = en ? "Final reminder before collection costs: invoice " + numbers
                        : "Laatste herinnering voor incassokosten (veertiendagenbrief): factuur " + numbers;
                opening.add(en ? "We have not yet received payment of the invoice below. We ask you to pay "
                        + money(r.totalOpen(), true) + " within fourteen days after the day you receive this letter."
                        : "Wij hebben de betaling van onderstaande factuur nog niet ontvangen. Wij verzoeken u "
                        + money(r.totalOpen(), false) + " te betalen binnen veertien dagen na de dag van ontvangst van "
                        + "deze brief.");
                opening.add(en ? "If you do not pay within that period, you will owe, besides the amount due, collection "
                        + "costs of " + costs + " (according to the Dutch decree on extrajudicial collection costs) and the "
                        + "statutory interest."
                        : "Betaalt u niet binnen deze termijn, dan bent u naast het openstaande bedrag incassokosten "
                        + "verschuldigd van " + costs + " (volgens het Besluit vergoeding voor buitengerechtelijke "
                        + "incassokosten) en de wettelijke rente.");
            }
            default -> throw new IllegalStateException("unknown kind " + r.kind());
        }
        List<Line> invoices = r.invoices().stream().map(i -> new Line(i.invoiceNumber(),
                (en ? "dated " : "van ") + date(i.issueDate(), en) + (en ? ", due " : ", vervallen op ") + date(i.dueDate(), en),
                money(i.open(), en))).toList();
        List<Line> totals = new ArrayList<>();
        totals.add(new Line(en ? "Open" : "Openstaand", "", money(r.totalOpen(), en)));
        if (r.interest().isPositive()) {
            totals.add(new Line(en ? "Statutory interest to date" : "Wettelijke rente tot heden", "", money(r.interest(), en)));
        }
        if (r.kind() == ReminderDue.Kind.FINAL_NOTICE && withCosts) {
            totals.add(new Line(en ? "Collection costs if not paid in time" : "Incassokosten bij niet tijdig betalen", "", costs));
        }
        totals.add(new Line(en ? "To pay now" : "Nu te betalen", "", total));
        List<String> howToPay = new ArrayList<>();
        String iban = r.creditor().iban();
        howToPay.add(en ? "Please transfer " + total + " to " + iban + " in the name of " + r.creditor().name()
                + (r.paymentReference() != null ? ", with payment reference " + r.paymentReference() : ", quoting " + numbers) + "."
                : "U kunt " + total + " overmaken naar " + iban + " ten name van " + r.creditor().name()
                + (r.paymentReference() != null ? ", onder vermelding van betalingskenmerk " + r.paymentReference() : ", onder vermelding van " + numbers) + ".");
        List<String> closing = new ArrayList<>();
        closing.add(en ? "If your payment crossed this letter, please ignore it."
                : "Heeft u inmiddels betaald? Dan kunt u deze brief als niet verzonden beschouwen.");
        closing.add(en ? "Questions about this invoice, or unable to pay at once? Please contact us at " + r.creditor().email()
                + " — we are glad to think along with you."
                : "Vragen over deze factuur, of lukt het niet om in één keer te betalen? Neem contact met ons op via "
                + r.creditor().email() + " — wij denken graag met u mee.");
        return new LetterText(lang, subject, en ? "Dear " + r.debtor().name() + "," : "Geachte " + r.debtor().name() + ",",
                opening, invoices, totals, howToPay, r.payLink(), closing,
                en ? "Kind regards,\n" + r.creditor().name() : "Met vriendelijke groet,\n" + r.creditor().name(),
                date(r.letterDate(), en));
    }

    /** The letter as plain text (the email's text part). */
    public String plainText() {
        StringBuilder b = new StringBuilder();
        b.append(letterDate).append("\n\n").append(salutation).append("\n\n");
        opening.forEach(p -> b.append(p).append("\n\n"));
        invoices.forEach(l -> b.append("  ").append(l.label()).append("  ").append(l.detail()).append("  ").append(l.amount()).append('\n'));
        b.append('\n');
        totals.forEach(l -> b.append("  ").append(l.label()).append(": ").append(l.amount()).append('\n'));
        b.append('\n');
        howToPay.forEach(p -> b.append(p).append('\n'));
        if (payLink != null) {
            b.append(("en".equals(language) ? "Or pay at once: " : "Of betaal direct: ")).append(payLink).append('\n');
        }
        b.append('\n');
        closing.forEach(p -> b.append(p).append("\n\n"));
        b.append(signature).append('\n');
        return b.toString();
    }

    static String money(Money money, boolean en) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(en ? Locale.UK : Locale.forLanguageTag("nl-NL")));
        String symbol = "EUR".equals(money.currency().getCurrencyCode()) ? "€ " : money.currency().getCurrencyCode() + " ";
        return symbol + format.format(money.amount().setScale(2, java.math.RoundingMode.HALF_UP));
    }

    static String date(LocalDate date, boolean en) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", en ? Locale.UK : Locale.forLanguageTag("nl-NL")));
    }

}
