package nl.tijdig.dunning.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.tijdig.dunning.domain.DunningCase;
import nl.tijdig.events.AwaitingApproval;
import nl.tijdig.events.DunningCaseClosed;
import nl.tijdig.events.EscalatedToCollection;
import nl.tijdig.events.PhoneCallDue;
import nl.tijdig.events.PrescriptionApproaching;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.events.StepFlagged;
import nl.tijdig.eventstore.EventStore;
import nl.tijdig.eventstore.RecordedEvent;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * A case's timeline, read from its own event stream: every fact and step in order, in words, with the
 * day, who did it (for staff's actions) and, for a letter, its reminder id (by which the
 * notification-service's communication log finds the rendered letter).
 */
@ApplicationScoped
public class Timeline {

    /** One line of the timeline. */
    public record Entry(Instant at, String what, String by, String reminderId) {
    }

    @Inject
    EventStore store;

    private static final Map<String, Class<?>> DECISIONS = new LinkedHashMap<>();

    static {
        for (Class<?> type : DunningCase.Event.class.getPermittedSubclasses()) {
            DECISIONS.put("dunning-case." + type.getSimpleName(), type);
        }
    }

    public Uni<List<Entry>> of(SqlClient client, TenantId tenant, InvoiceId caseId) {
        return store.load(client, tenant, caseId.value()).map(events -> {
            List<Entry> lines = new ArrayList<>();
            for (RecordedEvent event : events) {
                Entry entry = entry(event);
                if (entry != null) {
                    lines.add(entry);
                }
            }
            return lines;
        });
    }

    private static Entry entry(RecordedEvent event) {
        Instant at = event.occurredAt();
        if (event.type().equals(CaseStore.OPENED)) {
            DunningCase.State opened = event.as(DunningCase.State.class);
            return new Entry(at, "Case opened: " + money(opened.open()) + " due " + opened.dueDate() + " (policy "
                    + opened.policy().segment() + " version " + opened.policy().version() + ")", null, null);
        }
        Class<?> decision = DECISIONS.get(event.type());
        if (decision != null) {
            return decision((DunningCase.Event) event.as(decision), at);
        }
        return switch (event.type()) {
            case "nl.tijdig.dunning.ReminderDue.v1" -> {
                ReminderDue r = event.as(ReminderDue.class);
                yield new Entry(at, "Letter asked for: " + r.kind() + " by " + r.channels().stream().map(Enum::name)
                        .collect(Collectors.joining(" and ")) + ", " + money(r.totalDue()) + " due within "
                        + r.payWithinDays() + " days" + (r.invoices().size() > 1 ? " (" + r.invoices().size()
                        + " invoices)" : ""), null, r.reminderId().toString());
            }
            case "nl.tijdig.dunning.PhoneCallDue.v1" -> new Entry(at, "Phone call due on "
                    + event.as(PhoneCallDue.class).dueOn(), null, null);
            case "nl.tijdig.dunning.AwaitingApproval.v1" -> new Entry(at, "Approval asked for the hand-over of "
                    + money(event.as(AwaitingApproval.class).totalClaim()), null, null);
            case "nl.tijdig.dunning.EscalatedToCollection.v1" -> new Entry(at, "Dossier handed to a collection agency: "
                    + money(event.as(EscalatedToCollection.class).totalClaim()), null, null);
            case "nl.tijdig.dunning.StepFlagged.v1" -> {
                StepFlagged f = event.as(StepFlagged.class);
                yield new Entry(at, "Staff asked to look (" + f.reason() + "): " + f.detail(), null, f.reminderId().toString());
            }
            case "nl.tijdig.dunning.PrescriptionApproaching.v1" -> new Entry(at, "Prescribes on "
                    + event.as(PrescriptionApproaching.class).prescribesOn() + ": act before then", null, null);
            case "nl.tijdig.dunning.DunningCaseClosed.v1" -> null; // the decision "closed" says it
            default -> new Entry(at, event.type(), null, null);
        };
    }

    private static Entry decision(DunningCase.Event event, Instant at) {
        return switch (event) {
            case DunningCase.StepDue due -> new Entry(at, "Step '" + due.key() + "' (" + due.kind() + ") due on " + due.dueOn(),
                    null, null);
            case DunningCase.StepSkipped skipped -> new Entry(at, "Step '" + skipped.key() + "' skipped: its moment had passed",
                    null, null);
            case DunningCase.StepDelivered delivered -> new Entry(at, "Step '" + delivered.key() + "' sent on "
                    + delivered.deliveredOn() + (delivered.deadline() != null ? ", to pay by " + delivered.deadline() : ""),
                    null, null);
            case DunningCase.StepUndelivered undelivered -> new Entry(at, "Step '" + undelivered.key() + "' did not arrive ("
                    + undelivered.why() + "): its term starts when the letter is delivered again", null, null);
            case DunningCase.ApprovalRequested requested -> new Entry(at, "Deadline passed unpaid: hand-over awaits approval",
                    null, null);
            case DunningCase.Escalated escalated -> new Entry(at, "Hand-over to a collection agency on " + escalated.on(),
                    null, null);
            case DunningCase.CollectionEnded ended -> new Entry(at, "Back from the collection agency on " + ended.on() + " ("
                    + ended.outcome() + (ended.reason() != null ? ": " + ended.reason() : "") + "): waits for the creditor's "
                    + "decision", null, null);
            case DunningCase.OpenUpdated updated -> new Entry(at, (updated.payment() ? "Payment" : "Credit note or change")
                    + (updated.on() != null ? " of " + updated.on() : "") + ": " + money(updated.open()) + " open", null, null);
            case DunningCase.Closed closed -> new Entry(at, "Case closed: " + closed.reason(), null, null);
            case DunningCase.Reopened reopened -> new Entry(at, "Payment reversed: " + money(reopened.open()) + " open again",
                    null, null);
            case DunningCase.Paused paused -> new Entry(at, paused.paused() ? "Paused" : "Resumed", null, null);
            case DunningCase.DisputeOpened d -> new Entry(at, "Disputed (" + d.reason() + ")"
                    + (d.note() != null ? ": " + d.note() : "") + "; left out of letters", d.by(), null);
            case DunningCase.DisputeResolved d -> new Entry(at, "Dispute resolved: " + d.outcome()
                    + (d.note() != null ? ": " + d.note() : ""), d.by(), null);
            case DunningCase.PromiseMade p -> new Entry(at, "Promise to pay by " + p.payBy() + "; reminders wait", p.by(), null);
            case DunningCase.PromiseBroken p -> new Entry(at, "Promise to pay by " + p.payBy() + " not kept: dunning resumes",
                    null, null);
            case DunningCase.HoldLifted h -> new Entry(at, "Hold lifted: " + h.why(), null, null);
            case DunningCase.WriteOffRequested w -> new Entry(at, "Write-off of " + money(w.amount()) + " asked ("
                    + w.reason() + "): a second user must approve", w.by(), null);
            case DunningCase.WrittenOff w -> new Entry(at, "Written off: " + money(w.amount()) + " (" + w.reason() + ")"
                    + (w.approvedBy() != null ? ", asked by " + w.requestedBy() : ""),
                    w.approvedBy() != null ? w.approvedBy() : w.requestedBy(), null);
            case DunningCase.WriteOffRejected w -> new Entry(at, "Write-off rejected: dunning goes on", w.by(), null);
            case DunningCase.PlanAgreed p -> new Entry(at, "Payment plan agreed: " + p.instalments().size()
                    + " instalments of " + money(p.openAtStart()) + ", the last on "
                    + p.instalments().get(p.instalments().size() - 1).dueOn() + " (" + p.graceDays() + " days' grace)",
                    p.by(), null);
            case DunningCase.PlanBroken p -> new Entry(at, "Instalment of " + p.missed().dueOn() + " ("
                    + money(p.missed().amount()) + ") not met: dunning resumes", null, null);
            case DunningCase.CallLogged c -> new Entry(at, "Phoned the debtor" + (c.spokeWith() != null ? " (spoke with "
                    + c.spokeWith() + ")" : "") + ": " + switch (c.outcome()) {
                        case REACHED -> "reached";
                        case NOT_REACHED -> "not reached";
                        case PROMISE -> "promised to pay";
                        case DISPUTE -> "disputes the invoice";
                    } + (c.notes() != null ? " — " + c.notes() : ""), c.by(), null);
            case DunningCase.EscalationRejected e -> new Entry(at, "Hand-over rejected by the creditor; paused"
                    + (e.note() != null ? ": " + e.note() : ""), e.by(), null);
        };
    }

    private static String money(Money money) {
        return money.currency().getCurrencyCode() + " " + money.amount().toPlainString();
    }
}
