package nl.tijdig.events;

import static nl.tijdig.events.Values.list;
import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * Dunning asks for a reminder: the step, the channels, and everything the letter needs, so that the
 * notification-service renders it from this event alone. {@code reminderId} identifies this reminder
 * across retries (send it at most once per channel). {@code collectionCosts} are the costs that will
 * be charged if the debtor does not pay in time (zero when none are announced), VAT included where the creditor
 * cannot deduct VAT; {@code collectionCostsVat} is that VAT (optional: absent when there is none); {@code payWithinDays}
 * is the term the letter gives (14 for a 14-dagenbrief, counted from the day after receipt).
 */
public record ReminderDue(TenantId tenantId, CaseId caseId, UUID reminderId, int step, Kind kind,
        List<Channel> channels, DebtorContact debtor, CreditorSnapshot creditor, List<InvoiceSummary> invoices,
        Money totalOpen, Money collectionCosts, Money interest, Money totalDue, String paymentReference,
        String payLink, LocalDate letterDate, int payWithinDays, Money collectionCostsVat, Instant occurredAt)
        implements DunningCaseEvent {

    /** A reminder without VAT on its collection costs. */
    public ReminderDue(TenantId tenantId, CaseId caseId, UUID reminderId, int step, Kind kind,
            List<Channel> channels, DebtorContact debtor, CreditorSnapshot creditor, List<InvoiceSummary> invoices,
            Money totalOpen, Money collectionCosts, Money interest, Money totalDue, String paymentReference,
            String payLink, LocalDate letterDate, int payWithinDays, Instant occurredAt) {
        this(tenantId, caseId, reminderId, step, kind, channels, debtor, creditor, invoices, totalOpen, collectionCosts,
                interest, totalDue, paymentReference, payLink, letterDate, payWithinDays, null, occurredAt);
    }

    /** What kind of letter the step is. */
    public enum Kind {
        PRE_DUE_NOTICE,
        REMINDER,
        FINAL_NOTICE,
        FOURTEEN_DAY_LETTER
    }

    public ReminderDue {
        required(tenantId, "tenantId");
        required(caseId, "caseId");
        required(reminderId, "reminderId");
        if (step < 1) {
            throw new IllegalArgumentException("step must be 1 or more, was " + step);
        }
        required(kind, "kind");
        channels = list(channels, "channels");
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("channels must not be empty");
        }
        required(debtor, "debtor");
        required(creditor, "creditor");
        invoices = list(invoices, "invoices");
        if (invoices.isEmpty()) {
            throw new IllegalArgumentException("invoices must not be empty");
        }
        required(totalOpen, "totalOpen");
        required(collectionCosts, "collectionCosts");
        if (collectionCostsVat != null && collectionCostsVat.isGreaterThan(collectionCosts)) {
            throw new IllegalArgumentException("collectionCostsVat is part of collectionCosts: it cannot be more");
        }
        required(interest, "interest");
        required(totalDue, "totalDue");
        required(letterDate, "letterDate");
        required(occurredAt, "occurredAt");
        text(debtor.language(), "debtor.language");
    }
}
