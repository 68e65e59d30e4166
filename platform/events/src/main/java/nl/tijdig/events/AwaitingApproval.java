package nl.tijdig.events;

import static nl.tijdig.events.Values.list;
import static nl.tijdig.events.Values.required;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * The final notice's deadline passed unpaid and the policy hands over only with the creditor's
 * approval: the claim waits for it ({@code POST /cases/{id}/approval}). {@code totalClaim} is principal
 * plus costs plus interest on {@code since}. Key: caseId.
 */
public record AwaitingApproval(TenantId tenantId, CaseId caseId, DebtorContact debtor, List<InvoiceSummary> invoices,
        Money principal, Money collectionCosts, Money interest, Money totalClaim, LocalDate since, Instant occurredAt)
        implements DunningCaseEvent {

    public AwaitingApproval {
        required(tenantId, "tenantId");
        required(caseId, "caseId");
        required(debtor, "debtor");
        invoices = list(invoices, "invoices");
        required(principal, "principal");
        required(collectionCosts, "collectionCosts");
        required(interest, "interest");
        required(totalClaim, "totalClaim");
        required(since, "since");
        required(occurredAt, "occurredAt");
    }
}
