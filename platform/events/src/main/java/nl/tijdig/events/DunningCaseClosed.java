package nl.tijdig.events;

import static nl.tijdig.events.Values.required;

import java.time.Instant;
import java.time.LocalDate;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.TenantId;

/** A dunning case ended: no more reminders for it. */
public record DunningCaseClosed(TenantId tenantId, CaseId caseId, Reason reason, LocalDate closeDate,
        Instant occurredAt) implements DunningCaseEvent {

    /** Why the case ended. */
    public enum Reason {
        PAID,
        CREDITED,
        CANCELLED,
        WRITTEN_OFF,
        ASSIGNED,
        COLLECTED
    }

    public DunningCaseClosed {
        required(tenantId, "tenantId");
        required(caseId, "caseId");
        required(reason, "reason");
        required(closeDate, "closeDate");
        required(occurredAt, "occurredAt");
    }
}
