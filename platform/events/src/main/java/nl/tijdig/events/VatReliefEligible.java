package nl.tijdig.events;

import static nl.tijdig.events.Values.required;

import java.time.Instant;
import java.time.LocalDate;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * A claim is still unpaid one year after it fell due: the creditor may reclaim the VAT on what is open
 * in its VAT return (art. 29 Wet OB, teruggaaf bij oninbaarheid) — unless the claim was assigned to a
 * factor, whose right it then is. {@code vat} is the VAT part of {@code open}. Key: caseId.
 */
public record VatReliefEligible(TenantId tenantId, CaseId caseId, String invoiceNumber, LocalDate dueDate,
        LocalDate eligibleOn, Money open, Money vat, Instant occurredAt) implements DunningCaseEvent {

    public VatReliefEligible {
        required(tenantId, "tenantId");
        required(caseId, "caseId");
        required(invoiceNumber, "invoiceNumber");
        required(dueDate, "dueDate");
        required(eligibleOn, "eligibleOn");
        required(open, "open");
        required(vat, "vat");
        required(occurredAt, "occurredAt");
    }
}
