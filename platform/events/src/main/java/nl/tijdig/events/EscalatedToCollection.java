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
 * Dunning ended without payment and the claim goes to a collection agency: the full dossier, so that
 * the collection-gateway can hand it over without asking anyone. {@code totalClaim} is principal plus
 * costs plus interest.
 */
public record EscalatedToCollection(TenantId tenantId, CaseId caseId, DebtorContact debtor, CreditorSnapshot creditor,
        List<InvoiceSummary> invoices, Money principal, Money collectionCosts, Money interest, Money totalClaim,
        LocalDate escalationDate, List<DossierEntry> history, Instant occurredAt) implements DunningCaseEvent {

    public EscalatedToCollection {
        required(tenantId, "tenantId");
        required(caseId, "caseId");
        required(debtor, "debtor");
        required(creditor, "creditor");
        invoices = list(invoices, "invoices");
        required(principal, "principal");
        required(collectionCosts, "collectionCosts");
        required(interest, "interest");
        required(totalClaim, "totalClaim");
        required(escalationDate, "escalationDate");
        history = list(history, "history");
        required(occurredAt, "occurredAt");
        if (!principal.plus(collectionCosts).plus(interest).equals(totalClaim)) {
            throw new IllegalArgumentException("totalClaim " + totalClaim + " is not principal + costs + interest");
        }
    }
}
