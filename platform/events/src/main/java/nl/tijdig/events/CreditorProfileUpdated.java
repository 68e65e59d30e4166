package nl.tijdig.events;

import static nl.tijdig.events.Values.required;

import java.time.Instant;
import java.util.UUID;
import nl.tijdig.kernel.TenantId;

/**
 * The tenant's creditor profile as it is now (set up or changed): what letters and invoices show of
 * the creditor — name, identifiers, address, where to pay ({@code creditor}) — its letterhead, its
 * default payment terms per segment (null: the law's default) and its default invoice number series
 * (null: the year of issue). Key: the tenant id.
 */
public record CreditorProfileUpdated(TenantId tenantId, CreditorSnapshot creditor, String logoUrl, String footer,
        Integer b2bTermDays, Integer b2cTermDays, String invoiceSeries, Instant occurredAt) implements InvoiceEvent {

    public CreditorProfileUpdated {
        required(tenantId, "tenantId");
        required(creditor, "creditor");
        required(occurredAt, "occurredAt");
    }

    @Override
    public UUID aggregateId() {
        return tenantId.value();
    }
}
