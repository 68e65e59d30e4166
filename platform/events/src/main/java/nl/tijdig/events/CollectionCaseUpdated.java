package nl.tijdig.events;

import static nl.tijdig.events.Values.required;

import java.time.Instant;
import java.util.UUID;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.TenantId;

/**
 * A collection case moved on: handed over to the agency ({@code SUBMITTED}, with the agency's
 * {@code partnerReference}), accepted by it, being worked ({@code IN_PROGRESS}), or the hand-over failed after
 * its retries ({@code HAND_OVER_FAILED}, with {@code note}; visible by API, tried again on request).
 * Key: collectionCaseId.
 */
public record CollectionCaseUpdated(TenantId tenantId, UUID collectionCaseId, CaseId caseId, Status status,
        String partnerReference, String note, Instant occurredAt) implements CollectionEvent {

    /** Where the case is now. */
    public enum Status {
        SUBMITTED, ACCEPTED, IN_PROGRESS, HAND_OVER_FAILED
    }

    public CollectionCaseUpdated {
        required(tenantId, "tenantId");
        required(collectionCaseId, "collectionCaseId");
        required(caseId, "caseId");
        required(status, "status");
        required(occurredAt, "occurredAt");
    }

    @Override
    public UUID aggregateId() {
        return collectionCaseId;
    }
}
