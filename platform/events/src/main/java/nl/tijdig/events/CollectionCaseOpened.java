package nl.tijdig.events;

import static nl.tijdig.events.Values.list;
import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * A dunning case's claim (from EscalatedToCollection) was given to a collection agency of the tenant's
 * choice: {@code partnerId} and its name, with the invoices as escalated (what was open of each); the hand-over
 * follows. Key: collectionCaseId.
 */
public record CollectionCaseOpened(TenantId tenantId, UUID collectionCaseId, CaseId caseId, UUID partnerId, String partner,
        DebtorId debtorId, List<InvoiceSummary> invoices, Money totalClaim, Instant occurredAt) implements CollectionEvent {

    public CollectionCaseOpened {
        required(tenantId, "tenantId");
        required(collectionCaseId, "collectionCaseId");
        required(caseId, "caseId");
        required(partnerId, "partnerId");
        text(partner, "partner");
        required(debtorId, "debtorId");
        invoices = list(invoices, "invoices");
        required(totalClaim, "totalClaim");
        required(occurredAt, "occurredAt");
    }

    @Override
    public UUID aggregateId() {
        return collectionCaseId;
    }
}
