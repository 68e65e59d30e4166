package nl.tijdig.events;

import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.Instant;
import java.util.UUID;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * The factoring partner accepted an offered invoice: it pays the creditor {@code advance} and charges {@code fee}
 * ({@code factorReference}: its own reference, optional). InvoiceAssigned follows in the same transaction. Key:
 * invoiceId.
 */
public record FactoringAccepted(TenantId tenantId, UUID offerId, InvoiceId invoiceId, UUID partnerId, String factor, Money advance,
        Money fee, String factorReference, Instant occurredAt) implements CollectionEvent {

    public FactoringAccepted {
        required(tenantId, "tenantId");
        required(offerId, "offerId");
        required(invoiceId, "invoiceId");
        required(partnerId, "partnerId");
        text(factor, "factor");
        required(advance, "advance");
        required(fee, "fee");
        required(occurredAt, "occurredAt");
    }

    @Override
    public UUID aggregateId() {
        return invoiceId.value();
    }
}
