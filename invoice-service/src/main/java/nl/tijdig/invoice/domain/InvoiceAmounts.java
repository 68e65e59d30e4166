package nl.tijdig.invoice.domain;

import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.tijdig.kernel.Money;

/**
 * The amounts of an invoice, computed from its lines the way a Dutch invoice and EN 16931 expect:
 * <ol>
 * <li>each line total (quantity × unit price) is rounded to cents, half-up;</li>
 * <li>per VAT rate, the taxable amount is the sum of its line totals, and the VAT is that sum × the
 * rate, rounded to cents half-up (VAT per rate, not per line, so the VAT on the invoice is the VAT
 * of its rates);</li>
 * <li>the total excluding VAT is the sum of the line totals; the VAT total the sum of the VAT per
 * rate; the grand total (the principal) their sum.</li>
 * </ol>
 */
public record InvoiceAmounts(List<Money> lineTotals, List<VatBreakdown> vatBreakdown, Money totalExclVat,
        Money vatTotal, Money totalInclVat) {

    /** The taxable amount and the VAT of one rate. */
    public record VatBreakdown(VatRate rate, Money taxable, Money vat) {
    }

    public InvoiceAmounts {
        lineTotals = List.copyOf(lineTotals);
        vatBreakdown = List.copyOf(vatBreakdown);
        Objects.requireNonNull(totalExclVat, "totalExclVat");
        Objects.requireNonNull(vatTotal, "vatTotal");
        Objects.requireNonNull(totalInclVat, "totalInclVat");
    }

    /** Computes the amounts of lines in one currency; there must be at least one line. */
    public static InvoiceAmounts of(List<InvoiceLine> lines, Currency currency) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an invoice has at least one line");
        }
        Money zero = Money.zero(currency);
        List<Money> totals = new ArrayList<>(lines.size());
        Map<VatRate, Money> taxable = new EnumMap<>(VatRate.class);
        for (InvoiceLine line : lines) {
            if (!line.unitPrice().currency().equals(currency)) {
                throw new IllegalArgumentException("line '" + line.description() + "' is in "
                        + line.unitPrice().currency() + ", the invoice in " + currency);
            }
            Money net = line.net();
            totals.add(net);
            taxable.merge(line.vat(), net, Money::plus);
        }
        List<VatBreakdown> breakdown = new ArrayList<>();
        Money exclVat = zero;
        Money vat = zero;
        for (Map.Entry<VatRate, Money> entry : taxable.entrySet()) {
            Money rateVat = entry.getValue().times(entry.getKey().fraction()).rounded();
            breakdown.add(new VatBreakdown(entry.getKey(), entry.getValue(), rateVat));
            exclVat = exclVat.plus(entry.getValue());
            vat = vat.plus(rateVat);
        }
        return new InvoiceAmounts(totals, breakdown, exclVat, vat, exclVat.plus(vat));
    }
}
