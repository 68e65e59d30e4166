package nl.tijdig.events;

import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * An invoice was issued to a debtor: from now on its principal ({@code totalInclVat}) is owed by
 * {@code dueDate}. {@code paymentReference} is the betalingskenmerk, when the invoice has one.
 * Optional (added in v1 without breaking it, present on invoices the invoice-service issues): the
 * payment term in days, the delivery date, the lines, the VAT per category, the purchase order number
 * and an early-payment discount.
 */
public record InvoiceIssued(TenantId tenantId, InvoiceId invoiceId, String invoiceNumber, DebtorSnapshot debtor,
        LocalDate issueDate, LocalDate dueDate, Money totalExclVat, Money vatTotal, Money totalInclVat,
        String paymentReference, Integer termDays, LocalDate deliveryDate, List<LineItem> lines,
        List<VatAmount> vatBreakdown, String purchaseOrder, EarlyPaymentDiscount earlyPaymentDiscount,
        Instant occurredAt) implements InvoiceEvent {

    /** The first form of v1: without the optional details. */
    public InvoiceIssued(TenantId tenantId, InvoiceId invoiceId, String invoiceNumber, DebtorSnapshot debtor,
            LocalDate issueDate, LocalDate dueDate, Money totalExclVat, Money vatTotal, Money totalInclVat,
            String paymentReference, Instant occurredAt) {
        this(tenantId, invoiceId, invoiceNumber, debtor, issueDate, dueDate, totalExclVat, vatTotal, totalInclVat,
                paymentReference, null, null, null, null, null, null, occurredAt);
    }

    public InvoiceIssued {
        required(tenantId, "tenantId");
        required(invoiceId, "invoiceId");
        text(invoiceNumber, "invoiceNumber");
        required(debtor, "debtor");
        required(issueDate, "issueDate");
        required(dueDate, "dueDate");
        required(totalExclVat, "totalExclVat");
        required(vatTotal, "vatTotal");
        required(totalInclVat, "totalInclVat");
        required(occurredAt, "occurredAt");
        lines = lines == null ? null : List.copyOf(lines);
        vatBreakdown = vatBreakdown == null ? null : List.copyOf(vatBreakdown);
        if (!totalExclVat.plus(vatTotal).equals(totalInclVat)) {
            throw new IllegalArgumentException("totalInclVat " + totalInclVat + " is not totalExclVat " + totalExclVat
                    + " plus vatTotal " + vatTotal);
        }
    }

    @Override
    public java.util.UUID aggregateId() {
        return invoiceId().value();
    }
}
