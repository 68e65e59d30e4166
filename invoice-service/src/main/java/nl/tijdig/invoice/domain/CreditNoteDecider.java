package nl.tijdig.invoice.domain;

import java.util.Currency;
import java.util.List;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Violation;

/**
 * Decides a credit note: in full (what is left of the principal, with what is left of its VAT) or in
 * part (lines, computed as an invoice's are), never more than is left, never on a cancelled invoice.
 * And decides a cancellation: only for an invoice without payments and without credit notes.
 */
public final class CreditNoteDecider {

    private CreditNoteDecider() {
    }

    /** The amount and VAT a credit note takes off. */
    public record Credit(Money amountInclVat, Money vat) {
    }

    /** The violations of a credit note; {@code lines} empty for a credit in full. */
    public static List<Violation> validate(InvoiceState state, List<InvoiceLine> lines, Currency currency) {
        Violations violations = new Violations();
        if (state.cancelled()) {
            violations.add("invoice", "is cancelled: there is nothing to credit");
            return violations.list();
        }
        if (state.principalLeft().signum() <= 0) {
            violations.add("invoice", "is credited in full already");
            return violations.list();
        }
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine line = lines.get(i);
            violations.requireText("lines[" + i + "].description", line.description());
            if (line.quantity().signum() <= 0) {
                violations.add("lines[" + i + "].quantity", "must be more than zero (the amount credited)");
            }
            if (line.unitPrice().isNegative()) {
                violations.add("lines[" + i + "].unitPrice", IssueInvoiceDecider.NEGATIVE_PRICE);
            }
            if (!line.unitPrice().currency().equals(currency)) {
                violations.add("lines[" + i + "].unitPrice", "must be in the invoice's currency " + currency);
            }
        }
        if (violations.isEmpty() && !lines.isEmpty()) {
            Money amount = InvoiceAmounts.of(lines, currency).totalInclVat();
            if (amount.isGreaterThan(state.principalLeft())) {
                violations.add("lines", "credit " + amount + " is more than the " + state.principalLeft() + " left on the invoice");
            }
        }
        return violations.list();
    }

    /** The credit of a valid credit note. */
    public static Credit credit(InvoiceState state, List<InvoiceLine> lines, Currency currency) {
        if (!validate(state, lines, currency).isEmpty()) {
            throw new IllegalArgumentException("the credit note is not valid: " + validate(state, lines, currency));
        }
        if (lines.isEmpty()) {
            return new Credit(state.principalLeft(), state.vatTotal().minus(state.creditedVat()));
        }
        InvoiceAmounts amounts = InvoiceAmounts.of(lines, currency);
        return new Credit(amounts.totalInclVat(), amounts.vatTotal());
    }

    /** The violations of cancelling the invoice, given what has been paid on it. */
    public static List<Violation> validateCancellation(InvoiceState state, Money paid) {
        Violations violations = new Violations();
        if (state.cancelled()) {
            violations.add("invoice", "is cancelled already");
        } else if (paid.isPositive()) {
            violations.add("invoice", "has payments: credit it instead of cancelling");
        } else if (state.creditNotes() > 0) {
            violations.add("invoice", "has credit notes: credit the rest instead of cancelling");
        }
        return violations.list();
    }
}
