package nl.tijdig.events;

import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * The creditor offered an open invoice to a factoring partner, for {@code offered} (what was open of it); the
 * factor's answer follows as FactoringAccepted (with InvoiceAssigned) or FactoringRejected. Key: invoiceId.
 */
public record FactoringOffered(TenantId tenantId, UUID offerId, InvoiceId invoiceId, String invoiceNumber, DebtorId debtorId,
        UUID partnerId, String factor, Money offered, LocalDate dueDate, Instant occurredAt) implements CollectionEvent {

    public FactoringOffered {
        required(tenantId, "tenantId");
        required(offerId, "offerId");
        required(invoiceId, "invoiceId");
        text(invoiceNumber, "invoiceNumber");
        required(debtorId, "debtorId");
        required(partnerId, "partnerId");
        text(factor, "factor");
        required(offered, "offered");
        required(dueDate, "dueDate");
        required(occurredAt, "occurredAt");
    }

    @Override
    public UUID aggregateId() {
        return invoiceId.value();
    }
}
