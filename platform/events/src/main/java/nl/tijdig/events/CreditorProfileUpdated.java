package nl.tijdig.events;

import static nl.tijdig.events.Values.required;

import java.time.Instant;
import java.util.UUID;
import nl.tijdig.kernel.TenantId;

/**
 * The tenant's creditor profile as it is now (set up or changed): what letters and invoices show of
 * the creditor — name, identifiers, address, where to pay ({@code creditor}) — its letterhead, its
 * default payment terms per segment (null: the law's default), its default invoice number series
 * (null: the year of issue), and whether it can deduct the VAT it pays ({@code vatDeductible}; null: it can —
 * one that cannot charges VAT on the collection costs, art. 2 lid 3 Besluit BIK). Key: the tenant id.
 */
public record CreditorProfileUpdated(TenantId tenantId, CreditorSnapshot creditor, String logoUrl, String footer,
        Integer b2bTermDays, Integer b2cTermDays, String invoiceSeries, Boolean vatDeductible, Instant occurredAt)
        implements InvoiceEvent {

    /** A profile that says nothing about VAT: the creditor deducts it. */
    public CreditorProfileUpdated(TenantId tenantId, CreditorSnapshot creditor, String logoUrl, String footer,
            Integer b2bTermDays, Integer b2cTermDays, String invoiceSeries, Instant occurredAt) {
        this(tenantId, creditor, logoUrl, footer, b2bTermDays, b2cTermDays, invoiceSeries, null, occurredAt);
    }

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
