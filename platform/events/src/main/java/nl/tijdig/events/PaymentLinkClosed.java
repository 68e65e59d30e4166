package nl.tijdig.events;

import static nl.tijdig.events.Values.required;

import java.time.Instant;
import java.util.UUID;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;

/**
 * A payment link can no longer be used: the invoice was paid (through it or otherwise), credited or
 * cancelled, so nothing is open on it; or the claim went to a collection agency or was assigned to a
 * factoring partner. Letters must not show
 * it any more.
 */
public record PaymentLinkClosed(TenantId tenantId, UUID linkId, InvoiceId invoiceId, Reason reason, Instant occurredAt)
        implements PaymentEvent {

    /** Why the link closed. */
    public enum Reason {
        PAID,
        SETTLED,
        ESCALATED,
        EXPIRED,
        ASSIGNED
    }

    public PaymentLinkClosed {
        required(tenantId, "tenantId");
        required(linkId, "linkId");
        required(invoiceId, "invoiceId");
        required(reason, "reason");
        required(occurredAt, "occurredAt");
    }

    @Override
    public UUID aggregateId() {
        return linkId;
    }
}
