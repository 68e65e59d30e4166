package nl.tijdig.events;

import static nl.tijdig.events.Values.list;
import static nl.tijdig.events.Values.required;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * Dunning asks staff to call the debtor about its overdue invoices (a task; it does not hold up the next
 * step). {@code taskId} identifies the task across redeliveries. Key: caseId.
 */
public record PhoneCallDue(TenantId tenantId, CaseId caseId, UUID taskId, DebtorContact debtor,
        List<InvoiceSummary> invoices, Money totalOpen, LocalDate dueOn, Instant occurredAt) implements DunningCaseEvent {

    public PhoneCallDue {
        required(tenantId, "tenantId");
        required(caseId, "caseId");
        required(taskId, "taskId");
        required(debtor, "debtor");
        invoices = list(invoices, "invoices");
        if (invoices.isEmpty()) {
            throw new IllegalArgumentException("invoices must not be empty");
        }
        required(totalOpen, "totalOpen");
        required(dueOn, "dueOn");
        required(occurredAt, "occurredAt");
    }
}
