package nl.tijdig.events;

import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.Instant;
import java.time.LocalDate;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * An invoice was issued to a debtor: from now on its principal ({@code totalInclVat}) is owed by
 * {@code dueDate}. {@code paymentReference} is the betalingskenmerk, when the invoice has one.
 */
public record InvoiceIssued(TenantId tenantId, InvoiceId invoiceId, String invoiceNumber, DebtorSnapshot debtor,
        LocalDate issueDate, LocalDate dueDate, Money totalExclVat, Money vatTotal, Money totalInclVat,
        String paymentReference, Instant occurredAt) implements InvoiceEvent {

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
