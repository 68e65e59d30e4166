package nl.tijdig.events;

import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.Instant;
import java.util.UUID;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;

/**
 * An offer of an invoice to a factoring partner came to nothing: the factor declined it, or did not answer after the
 * gateway's attempts ({@code reason} says which). The invoice stays the creditor's and may be offered again. Key:
 * invoiceId.
 */
public record FactoringRejected(TenantId tenantId, UUID offerId, InvoiceId invoiceId, UUID partnerId, String factor, String reason,
        Instant occurredAt) implements CollectionEvent {

    public FactoringRejected {
        required(tenantId, "tenantId");
        required(offerId, "offerId");
        required(invoiceId, "invoiceId");
        required(partnerId, "partnerId");
        text(factor, "factor");
        text(reason, "reason");
        required(occurredAt, "occurredAt");
    }

    @Override
    public UUID aggregateId() {
        return invoiceId.value();
    }
}
