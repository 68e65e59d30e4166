package nl.tijdig.events;

import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.Instant;
import java.util.UUID;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * A payment link for an open invoice was created at the tenant's payment provider: the debtor pays
 * {@code amount} at {@code url} (dunning puts it in its letters). {@code linkId} is Tijdig's id of the
 * link, {@code provider} the provider's name (e.g. mollie).
 */
public record PaymentLinkCreated(TenantId tenantId, UUID linkId, InvoiceId invoiceId, DebtorId debtorId, Money amount,
        String url, String provider, Instant occurredAt) implements PaymentEvent {

    public PaymentLinkCreated {
        required(tenantId, "tenantId");
        required(linkId, "linkId");
        required(invoiceId, "invoiceId");
        required(debtorId, "debtorId");
        required(amount, "amount");
        text(url, "url");
        text(provider, "provider");
        required(occurredAt, "occurredAt");
    }

    @Override
    public UUID aggregateId() {
        return linkId;
    }
}
