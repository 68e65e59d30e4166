package nl.tijdig.events;

import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.Instant;
import java.time.LocalDate;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * A credit note reduced an invoice's principal by {@code amountInclVat} (positive). The credit note
 * has its own id and number; the event belongs to the credited invoice's stream.
 */
public record InvoiceCredited(TenantId tenantId, InvoiceId invoiceId, InvoiceId creditNoteId, String creditNoteNumber,
        Money amountInclVat, Money vatAmount, LocalDate creditDate, String reason, Instant occurredAt)
        implements InvoiceEvent {

    public InvoiceCredited {
        required(tenantId, "tenantId");
        required(invoiceId, "invoiceId");
        required(creditNoteId, "creditNoteId");
        text(creditNoteNumber, "creditNoteNumber");
        required(amountInclVat, "amountInclVat");
        required(vatAmount, "vatAmount");
        required(creditDate, "creditDate");
        required(occurredAt, "occurredAt");
    }

    @Override
    public java.util.UUID aggregateId() {
        return invoiceId().value();
    }
}
