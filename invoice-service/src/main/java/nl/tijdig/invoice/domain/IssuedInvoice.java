package nl.tijdig.invoice.domain;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import nl.tijdig.kernel.InvoiceId;

/**
 * An invoice as issued: everything on it, fixed. {@code debtor} is the debtor as it was when the
 * invoice was issued (later changes to the debtor do not change an issued invoice).
 */
public record IssuedInvoice(InvoiceId invoiceId, String number, CreditorProfile seller, Debtor debtor,
        Currency currency, List<InvoiceLine> lines, InvoiceAmounts amounts, LocalDate issueDate,
        LocalDate deliveryDate, int termDays, LocalDate dueDate, String paymentReference,
        IssueInvoice.EarlyPaymentDiscount discount, String purchaseOrder) {

    public IssuedInvoice {
        lines = List.copyOf(lines);
    }
}
