package nl.tijdig.events;

import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.Instant;
import java.util.UUID;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.TenantId;

/**
 * A dunning letter needs staff: no channel confirmed it sent, even after one retry (NOT_CONFIRMED), or
 * every channel failed and no fallback is left (UNDELIVERABLE). The cases it was about wait; no later
 * step is taken without it. Key: caseId.
 */
public record StepFlagged(TenantId tenantId, CaseId caseId, UUID reminderId, String stepKey, Reason reason, String detail,
        Instant occurredAt) implements DunningCaseEvent {

    /** Why staff must look. */
    public enum Reason {
        NOT_CONFIRMED,
        UNDELIVERABLE
    }

    public StepFlagged {
        required(tenantId, "tenantId");
        required(caseId, "caseId");
        required(reminderId, "reminderId");
        text(stepKey, "stepKey");
        required(reason, "reason");
        text(detail, "detail");
        required(occurredAt, "occurredAt");
    }
}
