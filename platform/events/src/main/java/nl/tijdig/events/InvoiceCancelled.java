package nl.tijdig.events;

import static nl.tijdig.events.Values.required;

import java.time.Instant;
import java.time.LocalDate;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;

/** An invoice was cancelled: nothing of it is owed any more. */
public record InvoiceCancelled(TenantId tenantId, InvoiceId invoiceId, String reason, LocalDate cancelDate,
        Instant occurredAt) implements InvoiceEvent {

    public InvoiceCancelled {
        required(tenantId, "tenantId");
        required(invoiceId, "invoiceId");
        required(cancelDate, "cancelDate");
        required(occurredAt, "occurredAt");
    }

    @Override
    public java.util.UUID aggregateId() {
        return invoiceId().value();
    }
}
