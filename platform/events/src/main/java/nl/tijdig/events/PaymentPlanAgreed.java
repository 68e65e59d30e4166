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
 * A payment plan was agreed with the debtor for a claim: the instalments (numbered from 1, in date order,
 * summing to {@code total}, what was open), the days of grace after each, and everything the letter that
 * confirms the plan needs, so that the notification-service renders it from this event alone — on
 * {@code channels} (email where the debtor agreed to it, else a posted letter). While the instalments are met
 * no reminder goes out; one missed beyond its grace resumes dunning. {@code letterId} identifies the
 * confirmation across retries. Key: caseId.
 */
public record PaymentPlanAgreed(TenantId tenantId, CaseId caseId, UUID letterId, List<Channel> channels, DebtorContact debtor,
        CreditorSnapshot creditor, InvoiceSummary invoice, List<Instalment> instalments, int graceDays, Money total,
        String paymentReference, String payLink, String agreedBy, LocalDate agreedOn, Instant occurredAt)
        implements DunningCaseEvent {

    /** One instalment: its number (1, 2, …), the day it is due and the amount. */
    public record Instalment(int number, LocalDate dueOn, Money amount) {

        public Instalment {
            if (number < 1) {
                throw new IllegalArgumentException("number must be 1 or more, was " + number);
            }
            required(dueOn, "dueOn");
            required(amount, "amount");
        }
    }

    public PaymentPlanAgreed {
        required(tenantId, "tenantId");
        required(caseId, "caseId");
        required(letterId, "letterId");
        channels = list(channels, "channels");
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("channels must not be empty");
        }
        required(debtor, "debtor");
        required(creditor, "creditor");
        required(invoice, "invoice");
        instalments = list(instalments, "instalments");
        if (instalments.size() < 2) {
            throw new IllegalArgumentException("a plan has 2 instalments or more");
        }
        if (graceDays < 0) {
            throw new IllegalArgumentException("graceDays must be 0 or more, was " + graceDays);
        }
        required(total, "total");
        text(agreedBy, "agreedBy");
        required(agreedOn, "agreedOn");
        required(occurredAt, "occurredAt");
    }
}
