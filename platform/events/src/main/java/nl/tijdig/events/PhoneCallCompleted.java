package nl.tijdig.events;

import static nl.tijdig.events.Values.list;
import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.TenantId;

/**
 * Staff called the debtor — for a phone task (PhoneCallDue, {@code taskId}) or on their own (no task) —
 * and recorded what came of it, for dunning and for the communication log. {@code caseIds} are the cases
 * (invoices) the call was about, {@code caseId} the first of them. Outcomes: REACHED (spoken, nothing
 * agreed: dunning goes on), NOT_REACHED (dunning goes on), PROMISE (the debtor will pay by
 * {@code promisedBy}: reminders wait until the day after), DISPUTE (the debtor disputes the invoices,
 * {@code disputeReason}: they are held until resolved). {@code calledBy} is the user who called,
 * {@code spokeWith} whom they spoke to. Key: caseId.
 */
public record PhoneCallCompleted(TenantId tenantId, CaseId caseId, UUID callId, UUID taskId, DebtorId debtorId,
        List<CaseId> caseIds, Outcome outcome, LocalDate promisedBy, DisputeReason disputeReason, String notes,
        String calledBy, String spokeWith, Instant calledAt, Instant occurredAt) implements CaseNotification {

    /** What came of the call. */
    public enum Outcome {
        REACHED,
        NOT_REACHED,
        PROMISE,
        DISPUTE
    }

    /** Why the debtor disputes (the same reasons as a dispute opened by staff in dunning). */
    public enum DisputeReason {
        INVOICE_WRONG,
        GOODS_NOT_RECEIVED,
        SERVICE_DISPUTED,
        AMOUNT_WRONG,
        OTHER
    }

    public PhoneCallCompleted {
        required(tenantId, "tenantId");
        required(caseId, "caseId");
        required(callId, "callId");
        required(debtorId, "debtorId");
        caseIds = list(caseIds, "caseIds");
        if (caseIds.isEmpty() || !caseIds.get(0).equals(caseId)) {
            throw new IllegalArgumentException("caseIds must start with caseId");
        }
        required(outcome, "outcome");
        if ((outcome == Outcome.PROMISE) != (promisedBy != null)) {
            throw new IllegalArgumentException("promisedBy is required for a PROMISE and only for it");
        }
        if ((outcome == Outcome.DISPUTE) != (disputeReason != null)) {
            throw new IllegalArgumentException("disputeReason is required for a DISPUTE and only for it");
        }
        text(calledBy, "calledBy");
        required(calledAt, "calledAt");
        required(occurredAt, "occurredAt");
    }
}
