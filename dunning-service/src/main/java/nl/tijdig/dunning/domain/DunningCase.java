package nl.tijdig.dunning.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.tijdig.kernel.Decider;
import nl.tijdig.kernel.Decision;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;

/**
 * The dunning case of one invoice as a decider: {@code decide(command, state) → events} and
 * {@code evolve(state, event) → state}, pure. The state is the facts (open principal, due date, the
 * steps taken and when each was delivered, with the final notice's deadline); the next step follows
 * from them and the policy, so a tick that finds nothing new to do emits nothing (replays and repeated
 * ticks change nothing), a catch-up takes one step at a time with each step's gap after the previous
 * one's delivery (no burst of letters; no legal step skipped), a payment that leaves nothing open closes
 * the case at once, and a partial payment neither advances nor skips a step.
 */
public final class DunningCase {

    /** Where a case is. */
    public enum Status {
        OPEN,
        AWAITING_DELIVERY,
        AWAITING_APPROVAL,
        ESCALATED,
        PAUSED,
        /** The debtor disputes the invoice: on hold, left out of letters, until the dispute is resolved. */
        DISPUTED,
        /** The debtor promised to pay by a date: reminders wait until the day after it. */
        PROMISED,
        /** A write-off above the tenant's threshold waits for a second user's approval. */
        WRITE_OFF_PENDING,
        /** A payment plan was agreed: no reminders while its instalments are met. */
        IN_PLAN,
        /**
         * The claim came back from the collection agency (returned, rejected, recalled, or closed without collecting
         * all): it waits for the creditor's decision — another agency (approve again), a plan, a write-off.
         */
        RETURNED,
        CLOSED
    }

    /** Why a debtor disputes an invoice. */
    public enum DisputeReason {
        INVOICE_WRONG,
        GOODS_NOT_RECEIVED,
        SERVICE_DISPUTED,
        AMOUNT_WRONG,
        OTHER
    }

    /** How a dispute ended: dunning resumes (RESUMED, CORRECTED), or a credit note is coming (CREDITED). */
    public enum DisputeOutcome {
        RESUMED,
        CORRECTED,
        CREDITED
    }

    /**
     * What holds a case: an open dispute (with its reason; {@code awaitingCredit} once it was resolved by a
     * credit note still to come) or a promise to pay by {@code until}; who agreed to it and when.
     */
    public record Hold(Status kind, DisputeReason reason, String note, LocalDate until, boolean awaitingCredit, String by,
            LocalDate since, Plan plan) {

        public Hold(Status kind, DisputeReason reason, String note, LocalDate until, boolean awaitingCredit, String by,
                LocalDate since) {
            this(kind, reason, note, until, awaitingCredit, by, since, null);
        }
    }

    /** One instalment of a payment plan. */
    public record Instalment(LocalDate dueOn, Money amount) {
    }

    /**
     * A payment plan: the instalments (summing to what was open when it was agreed), the grace days after
     * each, and what was open then — so what was paid since is {@code openAtStart − open}.
     */
    public record Plan(List<Instalment> instalments, int graceDays, Money openAtStart) {

        public Plan {
            instalments = List.copyOf(instalments);
        }

        /** The first instalment not met by what was paid since, if any. */
        public Optional<Instalment> firstUnmet(Money open) {
            Money paid = openAtStart.minus(open);
            Money due = Money.zero(openAtStart.currency());
            for (Instalment instalment : instalments) {
                due = due.plus(instalment.amount());
                if (due.isGreaterThan(paid)) {
                    return Optional.of(instalment);
                }
            }
            return Optional.empty();
        }
    }

    /** How a collection case ended without collecting the whole claim (the collection-gateway's outcomes). */
    public enum CollectionOutcome {
        /** The agency ended it without collecting everything. */
        CLOSED_BY_PARTNER,
        /** The agency did not take it. */
        REJECTED,
        /** The agency gave the claim back. */
        RETURNED,
        /** The creditor took it back. */
        RECALLED
    }

    /** Why a case closed. */
    public enum ClosedReason {
        PAID,
        CREDITED,
        CANCELLED,
        WRITTEN_OFF,
        /** Sold to a factor. */
        ASSIGNED
    }

    /**
     * A step taken: when it was asked for, and (once the letter was sent) when it was delivered and its deadline;
     * for a final notice, this invoice's share of the collection costs the letter announced (null before this was
     * kept, and for other steps).
     */
    public record Taken(String key, LocalDate dueOn, LocalDate deliveredOn, LocalDate deadline, Money costs) {

        public Taken(String key, LocalDate dueOn, LocalDate deliveredOn, LocalDate deadline) {
            this(key, dueOn, deliveredOn, deadline, null);
        }
    }

    /**
     * A change of what is open, on the day it took effect: a payment (or its reversal), which art. 6:44
     * applies to interest before principal, or a credit note or cancellation, which lowers the principal.
     */
    public record Movement(LocalDate on, Money openBefore, Money openAfter, boolean payment, java.util.UUID paymentId) {

        public Movement(LocalDate on, Money openBefore, Money openAfter, boolean payment) {
            this(on, openBefore, openAfter, payment, null);
        }
    }

    /** The facts of a case. */
    public record State(InvoiceId invoiceId, DunningPolicy policy, LocalDate dueDate, Money open, Status status,
            List<Taken> taken, ClosedReason closedReason, List<Movement> movements, Hold hold) {

        public State {
            taken = taken == null ? List.of() : List.copyOf(taken);
            movements = movements == null ? List.of() : List.copyOf(movements);
        }

        public State(InvoiceId invoiceId, DunningPolicy policy, LocalDate dueDate, Money open, Status status,
                List<Taken> taken, ClosedReason closedReason) {
            this(invoiceId, policy, dueDate, open, status, taken, closedReason, List.of(), null);
        }

        public static State opened(InvoiceId invoiceId, DunningPolicy policy, LocalDate dueDate, Money open) {
            return new State(invoiceId, policy, dueDate, open, Status.OPEN, List.of(), null, List.of(), null);
        }

        /** The principal when the case opened: what was open before the first movement. */
        public Money principal() {
            return movements.isEmpty() ? open : movements.get(0).openBefore();
        }

        /**
         * This invoice's share of the collection costs the final notice announced, if it was kept: what an
         * escalation claims (never more than the letter said).
         */
        public Optional<Money> announcedCosts() {
            for (int i = taken.size() - 1; i >= 0; i--) {
                if (taken.get(i).costs() != null) {
                    return Optional.of(taken.get(i).costs());
                }
            }
            return Optional.empty();
        }

        /**
         * The first day the announced costs are owed: the day after the term of the final notice that announced them
         * (its deadline; without one, 14 days after its delivery). None while that letter was not delivered.
         */
        public Optional<LocalDate> costsClaimableFrom() {
            for (int i = taken.size() - 1; i >= 0; i--) {
                Taken t = taken.get(i);
                if (t.costs() != null) {
                    return t.deliveredOn() == null ? Optional.empty()
                            : Optional.of((t.deadline() != null ? t.deadline() : t.deliveredOn().plusDays(14)).plusDays(1));
                }
            }
            return Optional.empty();
        }

        Optional<Taken> last() {
            return taken.isEmpty() ? Optional.empty() : Optional.of(taken.get(taken.size() - 1));
        }

        boolean hasTaken(String key) {
            return taken.stream().anyMatch(t -> t.key().equals(key));
        }
    }

    /** What can happen to a case. */
    public sealed interface Command {
    }

    /** The scheduler looks at the case today. */
    public record Tick(LocalDate today) implements Command {
    }

    /**
     * What is open on the invoice now, from the day {@code on}: after a payment or its reversal
     * ({@code ifZero} PAID), a credit note (CREDITED) or a cancellation (CANCELLED).
     */
    public record OpenChanged(Money open, ClosedReason ifZero, LocalDate on, java.util.UUID paymentId) implements Command {

        public OpenChanged(Money open, ClosedReason ifZero, LocalDate on) {
            this(open, ifZero, on, null);
        }

        public OpenChanged(Money open, ClosedReason ifZero) {
            this(open, ifZero, null, null);
        }
    }

    /** The communication of a step went out (ReminderSent), with the final notice's deadline where it has one. */
    public record Delivered(String key, LocalDate deliveredOn, LocalDate deadline) implements Command {
    }

    /**
     * A letter confirmed sent did not arrive after all (a bounce after ReminderSent), and no channel it went on
     * counts for the term any more: the step waits for the letter again, and its term starts from that letter.
     */
    public record Undelivered(String key, String why, LocalDate on) implements Command {
    }

    /** Staff record that the debtor disputes the invoice. */
    public record OpenDispute(DisputeReason reason, String note, String by, LocalDate on) implements Command {
    }

    /** Staff resolve the dispute. */
    public record ResolveDispute(DisputeOutcome outcome, String note, String by, LocalDate on) implements Command {
    }

    /** The debtor promised to pay by {@code payBy} (staff, or a phone call's outcome). */
    public record Promise(LocalDate payBy, String by, LocalDate on) implements Command {
    }

    /**
     * Staff write the claim off (uncollectable); {@code needsApproval} when what is open is above the
     * tenant's threshold: then a second user decides.
     */
    public record RequestWriteOff(String reason, boolean needsApproval, String by, LocalDate on) implements Command {
    }

    /** A second user approves or rejects a pending write-off (never the one who asked: four eyes). */
    public record DecideWriteOff(boolean approve, String by, LocalDate on) implements Command {
    }

    /** A payment plan was agreed with the debtor. */
    public record AgreePlan(List<Instalment> instalments, int graceDays, String by, LocalDate on) implements Command {
    }

    /** The creditor does not want the claim handed over (now): the case is paused until staff go on. */
    public record RejectEscalation(String note, String by, LocalDate on) implements Command {
    }

    /**
     * The creditor approves the hand-over to a collection agency (again, on {@code on}, for a claim that came back).
     */
    public record Approve(LocalDate on) implements Command {

        public Approve() {
            this(null);
        }
    }

    /** What came of a call to the debtor. */
    public enum CallOutcome {
        REACHED,
        NOT_REACHED,
        PROMISE,
        DISPUTE
    }

    /**
     * Staff called the debtor about the case (a phone task's outcome, from the notification-service): the
     * call goes on the case's record; a promise or dispute agreed in it is its own command.
     */
    public record LogCall(java.util.UUID callId, CallOutcome outcome, String spokeWith, String notes, String by, LocalDate on)
            implements Command {
    }

    /** The collection case of an escalated claim ended without collecting it all (CollectionCaseClosed). */
    public record EndCollection(CollectionOutcome outcome, String reason, LocalDate on) implements Command {
    }

    /** Staff or an operator pause the case (a dispute, an insolvency) or let it go on. */
    public record Pause(boolean paused) implements Command {
    }

    /**
     * The claim was sold to a factor (InvoiceAssigned): it is no longer the creditor's to dun, nor to claim VAT
     * relief on. Also ends a case that was escalated (its collection case ended before the sale).
     */
    public record Assign(String factor, LocalDate on) implements Command {
    }

    /** What happened to a case. */
    public sealed interface Event {
    }

    /** A step is due: send its communication (ReminderDue, or a phone task). */
    public record StepDue(String key, DunningPolicy.Kind kind, LocalDate dueOn, Money costs) implements Event {

        public StepDue(String key, DunningPolicy.Kind kind, LocalDate dueOn) {
            this(key, kind, dueOn, null);
        }

        /** The same step, with this invoice's share of the costs its letter announces. */
        public StepDue withCosts(Money share) {
            return new StepDue(key, kind, dueOn, share);
        }
    }

    public record StepDelivered(String key, LocalDate deliveredOn, LocalDate deadline) implements Event {
    }

    /** A step passed without a letter: a pre-due note whose moment has gone (it is no legal step). */
    public record StepSkipped(String key, LocalDate on) implements Event {
    }

    /**
     * A letter confirmed sent did not arrive (see {@link Undelivered}): the step is no longer delivered, its deadline
     * gone, and what the case did after it (an approval request) undone.
     */
    public record StepUndelivered(String key, String why, LocalDate on) implements Event {
    }

    public record ApprovalRequested(LocalDate on) implements Event {
    }

    public record Escalated(LocalDate on) implements Event {
    }

    /** The claim is back from the agency ({@link Status#RETURNED}), with how and why. */
    public record CollectionEnded(CollectionOutcome outcome, String reason, LocalDate on) implements Event {
    }

    public record OpenUpdated(Money open, LocalDate on, boolean payment, java.util.UUID paymentId) implements Event {

        public OpenUpdated(Money open, LocalDate on, boolean payment) {
            this(open, on, payment, null);
        }

        public OpenUpdated(Money open) {
            this(open, null, false, null);
        }
    }

    public record Closed(ClosedReason reason) implements Event {
    }

    /** A paid case is open again: a payment on it was reversed. */
    public record Reopened(Money open, LocalDate on, java.util.UUID paymentId) implements Event {

        public Reopened(Money open, LocalDate on) {
            this(open, on, null);
        }

        public Reopened(Money open) {
            this(open, null, null);
        }
    }

    public record Paused(boolean paused) implements Event {
    }

    public record DisputeOpened(DisputeReason reason, String note, String by, LocalDate on) implements Event {
    }

    public record DisputeResolved(DisputeOutcome outcome, String note, String by, LocalDate on) implements Event {
    }

    public record PromiseMade(LocalDate payBy, String by, LocalDate on) implements Event {
    }

    /** A call to the debtor about the case, with its outcome (the case itself is unchanged by it). */
    public record CallLogged(java.util.UUID callId, CallOutcome outcome, String spokeWith, String notes, String by, LocalDate on)
            implements Event {
    }

    /** The promised day passed with money still open: dunning resumes at the step it stood. */
    public record PromiseBroken(LocalDate payBy, LocalDate on) implements Event {
    }

    public record WriteOffRequested(Money amount, String reason, String by, LocalDate on) implements Event {
    }

    public record PlanAgreed(List<Instalment> instalments, int graceDays, Money openAtStart, String by, LocalDate on)
            implements Event {
    }

    /** An instalment was not met within its grace days: dunning resumes at the step it stood. */
    public record PlanBroken(Instalment missed, LocalDate on) implements Event {
    }

    /** The claim is written off; {@code approvedBy} is the second user (null: under the threshold). */
    public record WrittenOff(Money amount, String reason, String requestedBy, String approvedBy, LocalDate on)
            implements Event {
    }

    public record WriteOffRejected(String by, LocalDate on) implements Event {
    }

    public record EscalationRejected(String note, String by, LocalDate on) implements Event {
    }

    /** A hold ended by a fact: the credit note a dispute was resolved with arrived. */
    public record HoldLifted(String why, LocalDate on) implements Event {
    }

    private DunningCase() {
    }

    /**
     * The decision on a command as the kernel states it: the events {@link #decide} gives, or — for a command of
     * staff that changes nothing — a refusal saying why: on {@code status} (the case is not in a state where it
     * applies) or on {@code approve} (the four-eyes rule: the user who asked for a write-off does not decide it).
     * Commands of the system (a tick, a payment, a delivery) that change nothing are decided with no events.
     */
    public static Decision<Event> decision(Command command, State state) {
        List<Event> events = decide(command, state);
        if (!events.isEmpty()) {
            return Decision.decided(events);
        }
        String why = switch (command) {
            case OpenDispute d -> "is disputed already or finished";
            case ResolveDispute r -> "has no open dispute";
            case Promise p -> "is disputed, finished or awaiting approval";
            case RequestWriteOff w -> "waits for a write-off decision already or is finished";
            case DecideWriteOff d -> "has no write-off waiting";
            case RejectEscalation r -> "is not awaiting approval";
            default -> null;
        };
        if (command instanceof DecideWriteOff d && state.status() == Status.WRITE_OFF_PENDING && state.hold() != null
                && state.hold().by().equals(d.by())) {
            return Decision.refused(FOUR_EYES, "must come from a second user: the write-off was asked by " + d.by());
        }
        return why == null ? Decision.decided(List.of()) : Decision.refused("status", why);
    }

    /**
     * The case's decider as the kernel states it, from the case as it was opened (the invoice's facts and the policy):
     * {@link #decision}, and {@link #evolve}.
     */
    public static Decider<Command, State, Event> decider(State opened) {
        return Decider.of(opened, DunningCase::decision, DunningCase::evolve);
    }

    /** The field a refusal under the four-eyes rule names. */
    public static final String FOUR_EYES = "approve";

    public static List<Event> decide(Command command, State state) {
        if (state.status() == Status.CLOSED && state.closedReason() == ClosedReason.PAID
                && command instanceof OpenChanged changed && changed.open().isPositive()) {
            return List.of(new Reopened(changed.open(), changed.on(), changed.paymentId())); // a reversal: the facts say it is owed again
        }
        if (command instanceof EndCollection ended) {
            return state.status() == Status.ESCALATED
                    ? List.of(new CollectionEnded(ended.outcome(), ended.reason(), ended.on())) : List.of();
        }
        if (command instanceof Assign && state.status() == Status.ESCALATED) {
            return List.of(new Closed(ClosedReason.ASSIGNED));
        }
        if (state.status() == Status.ESCALATED && command instanceof OpenChanged changed) {
            return escalatedOpenChanged(changed, state);
        }
        if (state.status() == Status.CLOSED || state.status() == Status.ESCALATED) {
            return List.of(); // nothing happens to a finished case
        }
        return switch (command) {
            case Tick tick -> tick(tick.today(), state);
            case OpenChanged changed -> openChanged(changed, state);
            case Delivered delivered -> delivered(delivered, state);
            case Undelivered undelivered -> state.taken().stream()
                    .anyMatch(t -> t.key().equals(undelivered.key()) && t.deliveredOn() != null)
                    ? List.of(new StepUndelivered(undelivered.key(), undelivered.why(), undelivered.on())) : List.of();
            case Approve approve -> state.status() == Status.AWAITING_APPROVAL
                    ? List.of(new Escalated(state.last().map(Taken::dueOn).orElse(state.dueDate())))
                    : state.status() == Status.RETURNED && state.open().isPositive()
                    ? List.of(new Escalated(approve.on() != null ? approve.on() : state.dueDate())) : List.of();
            case EndCollection ended -> List.of();
            case Pause pause -> state.status() == Status.DISPUTED || pause.paused() == (state.status() == Status.PAUSED)
                    ? List.of() : List.of(new Paused(pause.paused()));
            case OpenDispute dispute -> state.status() == Status.DISPUTED ? List.of()
                    : List.of(new DisputeOpened(dispute.reason(), dispute.note(), dispute.by(), dispute.on()));
            case ResolveDispute resolve -> state.status() != Status.DISPUTED || state.hold() == null
                    || state.hold().awaitingCredit() ? List.of()
                    : List.of(new DisputeResolved(resolve.outcome(), resolve.note(), resolve.by(), resolve.on()));
            case RequestWriteOff request -> state.status() == Status.WRITE_OFF_PENDING ? List.of()
                    : request.needsApproval() ? List.of(new WriteOffRequested(state.open(), request.reason(), request.by(),
                            request.on()))
                    : List.of(new WrittenOff(state.open(), request.reason(), request.by(), null, request.on()),
                            new Closed(ClosedReason.WRITTEN_OFF));
            case DecideWriteOff decision -> state.status() != Status.WRITE_OFF_PENDING || state.hold() == null
                    || state.hold().by().equals(decision.by()) ? List.of()
                    : decision.approve() ? List.of(new WrittenOff(state.open(), state.hold().note(), state.hold().by(),
                            decision.by(), decision.on()), new Closed(ClosedReason.WRITTEN_OFF))
                    : List.of(new WriteOffRejected(decision.by(), decision.on()));
            case AgreePlan plan -> state.status() == Status.DISPUTED || state.status() == Status.AWAITING_APPROVAL
                    || state.status() == Status.WRITE_OFF_PENDING || plan.instalments().isEmpty() ? List.of()
                    : List.of(new PlanAgreed(plan.instalments(), plan.graceDays(), state.open(), plan.by(), plan.on()));
            case RejectEscalation reject -> state.status() != Status.AWAITING_APPROVAL ? List.of()
                    : List.of(new EscalationRejected(reject.note(), reject.by(), reject.on()));
            case Assign assign -> List.of(new Closed(ClosedReason.ASSIGNED));
            case LogCall call -> state.status() == Status.CLOSED ? List.of()
                    : List.of(new CallLogged(call.callId(), call.outcome(), call.spokeWith(), call.notes(), call.by(), call.on()));
            case Promise promise -> state.status() == Status.DISPUTED || state.status() == Status.AWAITING_APPROVAL
                    || !promise.payBy().isAfter(promise.on().minusDays(1)) ? List.of()
                    : List.of(new PromiseMade(promise.payBy(), promise.by(), promise.on()));
        };
    }

    public static State evolve(State state, Event event) {
        return switch (event) {
            case StepDue due -> {
                List<Taken> taken = new ArrayList<>(state.taken());
                taken.add(new Taken(due.key(), due.dueOn(), null, null, due.costs()));
                boolean waits = due.kind() != DunningPolicy.Kind.PHONE_CALL && due.kind() != DunningPolicy.Kind.ESCALATION;
                yield with(state, state.open(), waits ? Status.AWAITING_DELIVERY : Status.OPEN, taken, null, state.movements());
            }
            case StepSkipped skipped -> {
                List<Taken> taken = new ArrayList<>(state.taken());
                taken.add(new Taken(skipped.key(), skipped.on(), skipped.on(), null));
                yield with(state, state.open(), state.status(), taken, null, state.movements());
            }
            case StepUndelivered undelivered -> {
                List<Taken> taken = new ArrayList<>();
                for (Taken t : state.taken()) {
                    if (t.key().equals(undelivered.key())) {
                        taken.add(new Taken(t.key(), t.dueOn(), null, null, t.costs()));
                        break; // the steps after it were taken on a delivery that did not happen
                    }
                    taken.add(t);
                }
                Status status = state.status() == Status.OPEN || state.status() == Status.AWAITING_APPROVAL
                        || state.status() == Status.AWAITING_DELIVERY ? Status.AWAITING_DELIVERY : state.status();
                yield with(state, state.open(), status, taken, null, state.movements());
            }
            case StepDelivered delivered -> {
                List<Taken> taken = state.taken().stream().map(t -> t.key().equals(delivered.key())
                        ? new Taken(t.key(), t.dueOn(), delivered.deliveredOn(), delivered.deadline(), t.costs()) : t).toList();
                yield with(state, state.open(), state.status() == Status.AWAITING_DELIVERY ? Status.OPEN : state.status(),
                        taken, null, state.movements());
            }
            case ApprovalRequested requested -> with(state, state.open(), Status.AWAITING_APPROVAL, state.taken(), null,
                    state.movements());
            case Escalated escalated -> {
                // the hand-over's day on the escalation step: the claim was with an agency from then
                List<Taken> taken = state.taken().stream().map(t -> kindOf(state, t) == DunningPolicy.Kind.ESCALATION
                        ? new Taken(t.key(), t.dueOn(), escalated.on(), null, t.costs()) : t).toList();
                yield new State(state.invoiceId(), state.policy(), state.dueDate(), state.open(), Status.ESCALATED, taken,
                        null, state.movements(), null);
            }
            case CollectionEnded ended -> held(state, Status.RETURNED, new Hold(Status.RETURNED, null,
                    ended.outcome() + (ended.reason() != null ? ": " + ended.reason() : ""), null, false, "collection-agency",
                    ended.on()));
            case OpenUpdated updated -> with(state, updated.open(), state.status(), state.taken(), null,
                    moved(state, updated.open(), updated.on(), updated.payment(), updated.paymentId()));
            case Closed closed -> with(state, state.open(), Status.CLOSED, state.taken(), closed.reason(), state.movements());
            case Reopened reopened -> with(state, reopened.open(), escalatedBefore(state) ? Status.RETURNED : Status.OPEN,
                    state.taken(), null, moved(state, reopened.open(), reopened.on(), true, reopened.paymentId()));
            case Paused paused -> with(state, state.open(), paused.paused() ? Status.PAUSED : Status.OPEN, state.taken(),
                    null, state.movements());
            case DisputeOpened opened -> held(state, Status.DISPUTED, new Hold(Status.DISPUTED, opened.reason(),
                    opened.note(), null, false, opened.by(), opened.on()));
            case DisputeResolved resolved -> resolved.outcome() == DisputeOutcome.CREDITED
                    ? held(state, Status.DISPUTED, new Hold(Status.DISPUTED, state.hold().reason(), state.hold().note(), null,
                            true, resolved.by(), resolved.on()))
                    : held(state, Status.OPEN, null);
            case PromiseMade promise -> held(state, Status.PROMISED, new Hold(Status.PROMISED, null, null, promise.payBy(),
                    false, promise.by(), promise.on()));
            case PromiseBroken broken -> held(state, Status.OPEN, null);
            case HoldLifted lifted -> held(state, Status.OPEN, null);
            case WriteOffRequested requested -> held(state, Status.WRITE_OFF_PENDING, new Hold(Status.WRITE_OFF_PENDING, null,
                    requested.reason(), null, false, requested.by(), requested.on()));
            case WrittenOff writtenOff -> held(state, state.status(), null);
            case WriteOffRejected rejected -> held(state, Status.OPEN, null);
            case EscalationRejected rejected -> held(state, Status.PAUSED, null);
            case PlanAgreed plan -> held(state, Status.IN_PLAN, new Hold(Status.IN_PLAN, null, null, null, false, plan.by(),
                    plan.on(), new Plan(plan.instalments(), plan.graceDays(), plan.openAtStart())));
            case PlanBroken broken -> held(state, Status.OPEN, null);
            case CallLogged call -> state;
        };
    }

    /**
     * Whether the claim was handed to an agency before: a case of it that opens again (a reversed payment) is a
     * claim back with the creditor, not a fresh one for reminders.
     */
    private static boolean escalatedBefore(State state) {
        return state.taken().stream().anyMatch(t -> kindOf(state, t) == DunningPolicy.Kind.ESCALATION && t.deliveredOn() != null);
    }

    private static State with(State s, Money open, Status status, List<Taken> taken, ClosedReason reason,
            List<Movement> movements) {
        return new State(s.invoiceId(), s.policy(), s.dueDate(), open, status, taken, reason, movements, s.hold());
    }

    private static State held(State s, Status status, Hold hold) {
        return new State(s.invoiceId(), s.policy(), s.dueDate(), s.open(), status, s.taken(), null, s.movements(), hold);
    }

    /** The movements with this change added (a change without a day, from before days were kept, adds none). */
    private static List<Movement> moved(State state, Money openAfter, LocalDate on, boolean payment, java.util.UUID paymentId) {
        if (on == null) {
            return state.movements();
        }
        List<Movement> movements = new ArrayList<>(state.movements());
        movements.add(new Movement(on, state.open(), openAfter, payment, paymentId));
        return movements;
    }

    /** Folds events into a state. */
    public static State replay(State initial, List<Event> events) {
        State state = initial;
        for (Event event : events) {
            state = evolve(state, event);
        }
        return state;
    }

    /**
     * The first day the case may take its next step (for the scheduler's index): the next step's offset
     * from the due date or its gap after the previous step's delivery, whichever is later; for
     * escalation the day after the final notice's deadline. None while the case waits or is finished.
     */
    public static Optional<LocalDate> nextActionOn(State state) {
        return next(state).map(Next::on);
    }

    /** What the case waits for next, and from which day it may happen: the one rule of {@link #tick} and {@link #nextActionOn}. */
    private sealed interface Next {
        LocalDate on();
    }

    /** An instalment of the plan that is not met is missed the day after its grace days. */
    private record PlanCheck(Instalment instalment, LocalDate on) implements Next {
    }

    /** A promise not kept is broken the day after its date. */
    private record PromiseCheck(LocalDate until, LocalDate on) implements Next {
    }

    /** The policy's next step, and the first day it may be taken. */
    private record NextStep(DunningPolicy.Step step, LocalDate on) implements Next {
    }

    private static Optional<Next> next(State state) {
        if (state.status() == Status.IN_PLAN && state.hold() != null && state.hold().plan() != null) {
            Plan plan = state.hold().plan();
            return plan.firstUnmet(state.open()).map(i -> new PlanCheck(i, i.dueOn().plusDays(plan.graceDays() + 1L)));
        }
        if (state.status() == Status.PROMISED && state.hold() != null && state.open().isPositive()) {
            return Optional.of(new PromiseCheck(state.hold().until(), state.hold().until().plusDays(1)));
        }
        if (state.status() != Status.OPEN || !state.open().isPositive()) {
            return Optional.empty();
        }
        Optional<DunningPolicy.Step> following = state.policy().steps().stream().filter(s -> !state.hasTaken(s.key()))
                .findFirst();
        if (following.isEmpty()) {
            return Optional.empty();
        }
        DunningPolicy.Step step = following.get();
        if (step.kind() == DunningPolicy.Kind.ESCALATION) {
            // never without a delivered final notice; the day after its deadline
            return state.taken().stream().filter(t -> kindOf(state, t) == DunningPolicy.Kind.FINAL_NOTICE)
                    .filter(t -> t.deliveredOn() != null).findFirst()
                    .map(t -> new NextStep(step, (t.deadline() != null ? t.deadline() : t.deliveredOn().plusDays(14)).plusDays(1)));
        }
        LocalDate earliest = state.dueDate().plusDays(step.offsetDays());
        Optional<Taken> last = state.last();
        if (last.isPresent()) {
            LocalDate after = last.get().deliveredOn() != null ? last.get().deliveredOn() : last.get().dueOn();
            LocalDate gapEnd = after.plusDays(step.minGapDays());
            earliest = earliest.isAfter(gapEnd) ? earliest : gapEnd;
        }
        return Optional.of(new NextStep(step, earliest));
    }

    /**
     * An escalated case takes no step, but the claim is still the creditor's: what the agency collects (or a credit
     * note) lowers what is open, and when nothing is open the case closes, so no report, prescription warning or VAT
     * relief treats a paid claim as open.
     */
    private static List<Event> escalatedOpenChanged(OpenChanged changed, State state) {
        boolean payment = changed.ifZero() == ClosedReason.PAID;
        if (!changed.open().isPositive()) {
            return List.of(new OpenUpdated(changed.open(), changed.on(), payment, changed.paymentId()), new Closed(changed.ifZero()));
        }
        return changed.open().equals(state.open()) ? List.of()
                : List.of(new OpenUpdated(changed.open(), changed.on(), payment, changed.paymentId()));
    }

    private static List<Event> openChanged(OpenChanged changed, State state) {
        boolean payment = changed.ifZero() == ClosedReason.PAID;
        if (changed.open().isPositive() && changed.ifZero() == ClosedReason.CREDITED && state.hold() != null
                && state.hold().awaitingCredit() && !changed.open().equals(state.open())) {
            return List.of(new OpenUpdated(changed.open(), changed.on(), false),
                    new HoldLifted("the credit note the dispute was resolved with arrived", changed.on()));
        }
        if (!changed.open().isPositive()) {
            return List.of(new OpenUpdated(changed.open(), changed.on(), payment, changed.paymentId()), new Closed(changed.ifZero()));
        }
        return changed.open().equals(state.open()) ? List.of()
                : List.of(new OpenUpdated(changed.open(), changed.on(), payment, changed.paymentId()));
    }

    private static List<Event> delivered(Delivered delivered, State state) {
        Optional<Taken> step = state.taken().stream().filter(t -> t.key().equals(delivered.key())).findFirst();
        if (step.isEmpty()) {
            return List.of(); // a step this case did not take
        }
        Taken taken = step.get();
        if (taken.deliveredOn() == null) {
            return List.of(new StepDelivered(delivered.key(), delivered.deliveredOn(), delivered.deadline()));
        }
        if (delivered.deadline() != null && (taken.deadline() == null || delivered.deadline().isAfter(taken.deadline()))) {
            // the same letter on a second channel received later: the later receipt counts for the deadline
            return List.of(new StepDelivered(delivered.key(), taken.deliveredOn(), delivered.deadline()));
        }
        return List.of(); // delivered before: a redelivered ReminderSent changes nothing
    }

    /** The next step the facts reach today, if any: one at a time. */
    private static List<Event> tick(LocalDate today, State state) {
        Optional<Next> next = next(state);
        if (next.isEmpty()) {
            return List.of();
        }
        return switch (next.get()) {
            case PlanCheck check -> today.isBefore(check.on()) ? List.of() : List.of(new PlanBroken(check.instalment(), today));
            case PromiseCheck check -> today.isBefore(check.on()) ? List.of()
                    : List.of(new PromiseBroken(check.until(), today));
            case NextStep due -> {
                DunningPolicy.Step step = due.step();
                if (step.kind() == DunningPolicy.Kind.PRE_DUE_REMINDER && !today.isBefore(state.dueDate())) {
                    // too late for a pre-due note: skip it without a letter (it is no legal step)
                    yield List.of(new StepSkipped(step.key(), today));
                }
                if (today.isBefore(due.on())) {
                    yield List.of();
                }
                if (step.kind() == DunningPolicy.Kind.ESCALATION) {
                    yield state.policy().automaticEscalation()
                            ? List.of(new StepDue(step.key(), step.kind(), today), new Escalated(today))
                            : List.of(new StepDue(step.key(), step.kind(), today), new ApprovalRequested(today));
                }
                yield List.of(new StepDue(step.key(), step.kind(), today));
            }
        };
    }

    private static DunningPolicy.Kind kindOf(State state, Taken taken) {
        return state.policy().steps().stream().filter(s -> s.key().equals(taken.key())).map(DunningPolicy.Step::kind)
                .findFirst().orElse(null);
    }
}
