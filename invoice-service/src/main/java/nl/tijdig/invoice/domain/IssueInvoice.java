package nl.tijdig.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.OptionalInt;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;

/**
 * Issue an invoice. Give a payment term ({@code termDays}) or an explicit {@code dueDate}, or
 * neither (the debtor's, the creditor's or the law's default applies). {@code longTermAgreed} marks a
 * B2B term over 60 days as expressly agreed. Optional: an early-payment discount, a purchase order
 * number.
 */
public record IssueInvoice(InvoiceId invoiceId, DebtorId debtorId, Currency currency, List<InvoiceLine> lines,
        LocalDate issueDate, LocalDate deliveryDate, OptionalInt termDays, LocalDate dueDate, boolean longTermAgreed,
        EarlyPaymentDiscount discount, String purchaseOrder) {

    /** "2 % korting bij betaling binnen 10 dagen". */
    public record EarlyPaymentDiscount(BigDecimal percent, int withinDays) {
    }

    public IssueInvoice {
        lines = lines == null ? List.of() : List.copyOf(lines);
        termDays = termDays == null ? OptionalInt.empty() : termDays;
    }
}
