package nl.tijdig.events;

import static nl.tijdig.events.Values.required;

import java.time.Instant;
import java.time.LocalDate;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * The debtor paid (part of) a claim whose VAT was reclaimable: the VAT on what was paid is owed again
 * (art. 29 lid 2 Wet OB). Key: caseId.
 */
public record VatReliefReversed(TenantId tenantId, CaseId caseId, String invoiceNumber, LocalDate paidOn, Money paid,
        Money vat, Instant occurredAt) implements DunningCaseEvent {

    public VatReliefReversed {
        required(tenantId, "tenantId");
        required(caseId, "caseId");
        required(invoiceNumber, "invoiceNumber");
        required(paidOn, "paidOn");
        required(paid, "paid");
        required(vat, "vat");
        required(occurredAt, "occurredAt");
    }
}
