package nl.tijdig.events;

import static nl.tijdig.events.Values.required;

import java.time.Instant;
import java.util.UUID;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * A collection case ended: {@code COLLECTED} (the agency collected the whole claim), {@code CLOSED_BY_PARTNER}
 * (the agency ended it without collecting everything), {@code REJECTED} (the agency did not take it),
 * {@code RETURNED} (the agency gave the claim back to the creditor) or {@code RECALLED} (the creditor took it
 * back). {@code collected}: what the agency reported collected for the creditor in all; {@code reason} as
 * given. Key: collectionCaseId.
 */
public record CollectionCaseClosed(TenantId tenantId, UUID collectionCaseId, CaseId caseId, Outcome outcome,
        Money collected, String reason, Instant occurredAt) implements CollectionEvent {

    /** How the case ended. */
    public enum Outcome {
        COLLECTED, CLOSED_BY_PARTNER, REJECTED, RETURNED, RECALLED
    }

    public CollectionCaseClosed {
        required(tenantId, "tenantId");
        required(collectionCaseId, "collectionCaseId");
        required(caseId, "caseId");
        required(outcome, "outcome");
        required(collected, "collected");
        required(occurredAt, "occurredAt");
    }

    @Override
    public UUID aggregateId() {
        return collectionCaseId;
    }
}
