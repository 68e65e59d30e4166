package nl.tijdig.events;

import static nl.tijdig.events.Values.list;
import static nl.tijdig.events.Values.required;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;

/**
 * A reminder was not sent on a channel because, at the last check before sending, every invoice it asks
 * payment for had been paid ({@code invoiceIds}: those invoices). Nothing went to the debtor.
 */
public record ReminderSuppressed(TenantId tenantId, CaseId caseId, UUID reminderId, Channel channel, Reason reason,
        List<InvoiceId> invoiceIds, Instant occurredAt) implements CaseNotification {

    /** Why the reminder was held back. */
    public enum Reason {
        /** Paid since dunning asked for the reminder. */
        PAID
    }

    public ReminderSuppressed {
        required(tenantId, "tenantId");
        required(caseId, "caseId");
        required(reminderId, "reminderId");
        required(channel, "channel");
        required(reason, "reason");
        invoiceIds = list(invoiceIds, "invoiceIds");
        required(occurredAt, "occurredAt");
    }
}
