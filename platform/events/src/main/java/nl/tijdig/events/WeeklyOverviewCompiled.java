package nl.tijdig.events;

import static nl.tijdig.events.Values.required;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * The tenant's weekly overview of its receivables (seed 001: "a weekly overview of all open invoices and
 * payments, so you can act sooner"), compiled on the tenant's day ({@code PUT /dunning-settings},
 * {@code weeklyOverviewDay}) for the notification-service to mail to the creditor. Euro claims only.
 * {@code week} is the ISO week ({@code 2026-W48}); {@code on} the day it describes. The open claims by
 * age ({@code aging}: not due, 1–30, 31–60, 61–90, 90+ days past due) and DSO over 90 days (a decimal
 * string like money amounts; absent when nothing was invoiced in them); what changed in the 7 days up to {@code on} ({@code paidInWeek}: payments
 * on the claims, {@code newlyOverdue}: claims that fell due); what needs the creditor
 * ({@code attention}); and the overdue claims oldest first, at most 25 ({@code oldestOverdue}; the rest
 * counted in {@code moreOverdue}, the full list is {@code GET /cases}). Key: overviewId (one per tenant).
 */
public record WeeklyOverviewCompiled(TenantId tenantId, UUID overviewId, String week, LocalDate on, Money openTotal,
        int openCount, Money overdueTotal, int overdueCount, List<AgingBucket> aging,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal dsoDays,
        Money paidInWeek, int newlyOverdue, Attention attention, List<OverdueClaim> oldestOverdue, int moreOverdue,
        Instant occurredAt) implements DunningEvent {

    /** The most overdue claims listed. */
    public static final int LISTED = 25;

    /** One age bucket: its days past due (inclusive, null: unbounded), total and count. */
    public record AgingBucket(String label, Integer fromDays, Integer toDays, Money amount, int count) {

        public AgingBucket {
            required(label, "label");
            required(amount, "amount");
        }
    }

    /** Claims waiting for the creditor or held, by kind. */
    public record Attention(int awaitingApproval, int disputed, int promised, int inPlan, int paused, int writeOffPending,
            int lettersFlagged) {
    }

    /** One overdue claim. */
    public record OverdueClaim(CaseId caseId, String invoiceNumber, DebtorId debtorId, String debtorName, LocalDate dueDate,
            int daysOverdue, Money open, String status) {

        public OverdueClaim {
            required(caseId, "caseId");
            required(invoiceNumber, "invoiceNumber");
            required(debtorId, "debtorId");
            required(dueDate, "dueDate");
            required(open, "open");
            required(status, "status");
        }
    }

    public WeeklyOverviewCompiled {
        required(tenantId, "tenantId");
        required(overviewId, "overviewId");
        required(week, "week");
        required(on, "on");
        required(openTotal, "openTotal");
        required(overdueTotal, "overdueTotal");
        required(aging, "aging");
        required(paidInWeek, "paidInWeek");
        required(attention, "attention");
        required(oldestOverdue, "oldestOverdue");
        required(occurredAt, "occurredAt");
        aging = List.copyOf(aging);
        oldestOverdue = List.copyOf(oldestOverdue);
    }

    /** The tenant's overview stream: one per tenant, the same id every week. */
    public static UUID overviewIdOf(TenantId tenant) {
        return UUID.nameUUIDFromBytes(("tijdig:weekly-overview:" + tenant.value()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public UUID aggregateId() {
        return overviewId;
    }
}
