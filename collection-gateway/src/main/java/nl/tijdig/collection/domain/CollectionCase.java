package nl.tijdig.collection.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import nl.tijdig.events.CollectionCaseClosed;
import nl.tijdig.events.CollectionCaseOpened;
import nl.tijdig.events.CollectionCaseUpdated;
import nl.tijdig.events.CollectionEvent;
import nl.tijdig.events.CollectionPaymentReported;
import nl.tijdig.events.EscalatedToCollection;
import nl.tijdig.events.FactoringAccepted;
import nl.tijdig.events.FactoringOffered;
import nl.tijdig.events.FactoringRejected;
import nl.tijdig.events.InvoiceAssigned;
import nl.tijdig.events.InvoiceSummary;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Decider;
import nl.tijdig.kernel.Decision;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * A claim at a collection agency: opened from an escalation, handed over, and then what the agency reports —
 * accepted or rejected, in progress, money collected, closed or returned — or recalled by the creditor. State
 * is what its events say ({@link #evolve}); {@link #decide} answers a command with the events it causes, none
 * when it changes nothing (a repeated report, a repeated hand-over), or a refusal that says why.
 */
public record CollectionCase(UUID collectionCaseId, TenantId tenantId, CaseId caseId, UUID partnerId, String partner,
        DebtorId debtorId, List<InvoiceSummary> invoices, Money totalClaim, Status status, String partnerReference,
        Map<InvoiceId, Money> collectedPerInvoice, Money collected, Set<UUID> reports, CollectionCaseClosed.Outcome outcome) {

    /** Where a case is. */
    public enum Status {
        /** Opened; waiting to be handed over. */
        OPENED,
        /** Not handed over after the retries; waits for a new attempt. */
        HAND_OVER_FAILED,
        SUBMITTED, ACCEPTED, IN_PROGRESS, CLOSED;

        /** Whether the partner has the case (its hand-over went through). */
        public boolean handedOver() {
            return this == SUBMITTED || this == ACCEPTED || this == IN_PROGRESS || this == CLOSED;
        }
    }

    /** What may happen to a case. */
    public sealed interface Command {
        Instant at();
    }

    /** Open a case for an escalated dunning case, at this partner. */
    public record Open(UUID collectionCaseId, EscalatedToCollection escalation, UUID partnerId, String partner, Instant at)
            implements Command {
    }

    /** The partner has the case (its answer to the hand-over; {@code note}: e.g. the case file it is in). */
    public record HandedOver(String partnerReference, String note, Instant at) implements Command {

        public HandedOver(String partnerReference, Instant at) {
            this(partnerReference, null, at);
        }
    }

    /** The hand-over failed after its retries (or at once, when the partner refused the request itself). */
    public record HandOverFailed(String reason, Instant at) implements Command {
    }

    /** A report of the partner. */
    public record Report(PartnerReport report, Instant at) implements Command {
    }

    /** The creditor takes the claim back. */
    public record Recall(String reason, Instant at) implements Command {
    }




    private static Decision<CollectionEvent> events(CollectionEvent... events) {
        return Decision.decided(List.of(events));
    }

    private static final Decision<CollectionEvent> NOTHING = Decision.decided(List.of());

    /** What the command causes, given the case (null when there is none yet). */
    public static Decision<CollectionEvent> decide(Command command, CollectionCase state) {
        if (state == null) {
            return switch (command) {
                case Open open -> events(opened(open));
                default -> Decision.refused("collectionCaseId", "no such collection case");
            };
        }
        return switch (command) {
            case Open open -> NOTHING; // the escalation arrived again
            case HandedOver handedOver -> state.status == Status.OPENED || state.status == Status.HAND_OVER_FAILED
                    ? events(state.updated(CollectionCaseUpdated.Status.SUBMITTED, handedOver.partnerReference(), handedOver.note(),
                            handedOver.at()))
                    : NOTHING;
            case HandOverFailed failed -> state.status == Status.OPENED
                    ? events(state.updated(CollectionCaseUpdated.Status.HAND_OVER_FAILED, null, failed.reason(), failed.at()))
                    : NOTHING;
            case Recall recall -> state.status == Status.CLOSED
                    ? (state.outcome == CollectionCaseClosed.Outcome.RECALLED ? NOTHING
                            : Decision.refused("status", "the case is closed (" + state.outcome + ")"))
                    : events(state.closed(CollectionCaseClosed.Outcome.RECALLED, recall.reason(), recall.at()));
            case Report report -> state.report(report.report(), report.at());
        };
    }

    private Decision<CollectionEvent> report(PartnerReport report, Instant at) {
        return switch (report) {
            case PartnerReport.Accepted accepted -> switch (status) {
                case OPENED, HAND_OVER_FAILED, SUBMITTED -> events(updated(CollectionCaseUpdated.Status.ACCEPTED,
                        accepted.partnerReference() == null ? partnerReference : accepted.partnerReference(), accepted.note(), at));
                case ACCEPTED, IN_PROGRESS -> NOTHING;
                case CLOSED -> closedRefusal();
            };
            case PartnerReport.Rejected rejected -> switch (status) {
                case OPENED, HAND_OVER_FAILED, SUBMITTED -> events(closed(CollectionCaseClosed.Outcome.REJECTED, rejected.reason(), at));
                case ACCEPTED, IN_PROGRESS -> Decision.refused("status", "the case was accepted; an agency that stops returns it (RETURNED)");
                case CLOSED -> outcome == CollectionCaseClosed.Outcome.REJECTED ? NOTHING : closedRefusal();
            };
            case PartnerReport.InProgress progress -> switch (status) {
                case OPENED, HAND_OVER_FAILED, SUBMITTED, ACCEPTED, IN_PROGRESS ->
                        events(updated(CollectionCaseUpdated.Status.IN_PROGRESS, partnerReference, progress.note(), at));
                case CLOSED -> closedRefusal();
            };
            case PartnerReport.PaymentCollected payment -> paid(payment, at);
            case PartnerReport.Closed closing -> switch (status) {
                case OPENED, HAND_OVER_FAILED -> Decision.refused("status", "the case was not handed over");
                case SUBMITTED, ACCEPTED, IN_PROGRESS -> events(closed(collected.isLessThan(principal())
                        ? CollectionCaseClosed.Outcome.CLOSED_BY_PARTNER : CollectionCaseClosed.Outcome.COLLECTED, closing.reason(), at));
                case CLOSED -> outcome == CollectionCaseClosed.Outcome.CLOSED_BY_PARTNER || outcome == CollectionCaseClosed.Outcome.COLLECTED
                        ? NOTHING : closedRefusal();
            };
            case PartnerReport.Returned returned -> switch (status) {
                case OPENED, HAND_OVER_FAILED -> Decision.refused("status", "the case was not handed over");
                case SUBMITTED, ACCEPTED, IN_PROGRESS -> events(closed(CollectionCaseClosed.Outcome.RETURNED, returned.reason(), at));
                case CLOSED -> outcome == CollectionCaseClosed.Outcome.RETURNED ? NOTHING : closedRefusal();
            };
        };
    }

    /**
     * Money the agency collected: once per report, also after the case closed (money collected is a fact), never
     * on a case it did not get. Split as the agency says (only the case's invoices, at most the amount), or
     * oldest due first up to what is open of each.
     */
    private Decision<CollectionEvent> paid(PartnerReport.PaymentCollected payment, Instant at) {
        if (reports.contains(payment.reportId())) {
            return NOTHING;
        }
        if (!status.handedOver()) {
            return Decision.refused("status", "the case was not handed over");
        }
        if (payment.amount() == null || !payment.amount().isPositive()) {
            return Decision.refused("amount", "must be more than zero");
        }
        if (!payment.amount().currency().equals(totalClaim.currency())) {
            return Decision.refused("amount", "must be in " + totalClaim.currency() + ", the claim's currency");
        }
        if (payment.agencyCosts() != null && (payment.agencyCosts().isNegative()
                || !payment.agencyCosts().currency().equals(totalClaim.currency()))) {
            return Decision.refused("agencyCosts", "must be zero or more, in " + totalClaim.currency());
        }
        if (payment.valueDate() == null) {
            return Decision.refused("valueDate", "is required");
        }
        List<CollectionPaymentReported.Part> parts = new ArrayList<>();
        if (payment.invoices().isEmpty()) {
            Money left = payment.amount();
            List<InvoiceSummary> oldestFirst = invoices.stream()
                    .sorted(java.util.Comparator.comparing(InvoiceSummary::dueDate)).toList();
            for (InvoiceSummary invoice : oldestFirst) {
                Money open = invoice.open().minus(collectedPerInvoice.getOrDefault(invoice.invoiceId(), zero()));
                Money part = left.min(open);
                if (part.isPositive()) {
                    parts.add(new CollectionPaymentReported.Part(invoice.invoiceId(), part));
                    left = left.minus(part);
                }
            }
        } else {
            Money sum = zero();
            for (int i = 0; i < payment.invoices().size(); i++) {
                CollectionPaymentReported.Part part = payment.invoices().get(i);
                if (part.invoiceId() == null || invoices.stream().noneMatch(inv -> inv.invoiceId().equals(part.invoiceId()))) {
                    return Decision.refused("invoices[" + i + "].invoiceId", "is not an invoice of this case");
                }
                if (part.amount() == null || !part.amount().isPositive() || !part.amount().currency().equals(totalClaim.currency())) {
                    return Decision.refused("invoices[" + i + "].amount", "must be more than zero, in " + totalClaim.currency());
                }
                sum = sum.plus(part.amount());
                parts.add(part);
            }
            if (sum.isGreaterThan(payment.amount())) {
                return Decision.refused("invoices", "the parts (" + sum + ") exceed the amount (" + payment.amount() + ")");
            }
        }
        return events(new CollectionPaymentReported(tenantId, collectionCaseId, payment.reportId(), partner, debtorId,
                payment.amount(), payment.valueDate(), parts, payment.agencyCosts(), at));
    }

    /** The case as it is after the event. */
    public static CollectionCase evolve(CollectionCase state, CollectionEvent event) {
        return switch (event) {
            case CollectionCaseOpened o -> new CollectionCase(o.collectionCaseId(), o.tenantId(), o.caseId(), o.partnerId(), o.partner(),
                    o.debtorId(), o.invoices(), o.totalClaim(), Status.OPENED, null, Map.of(), Money.zero(o.totalClaim().currency()),
                    Set.of(), null);
            case CollectionCaseUpdated u -> Objects.requireNonNull(state, "no case").with(switch (u.status()) {
                case SUBMITTED -> Status.SUBMITTED;
                case ACCEPTED -> Status.ACCEPTED;
                case IN_PROGRESS -> Status.IN_PROGRESS;
                case HAND_OVER_FAILED -> Status.HAND_OVER_FAILED;
            }, u.partnerReference() == null ? state.partnerReference : u.partnerReference());
            case CollectionPaymentReported p -> Objects.requireNonNull(state, "no case").paidBy(p);
            case CollectionCaseClosed c -> {
                CollectionCase s = Objects.requireNonNull(state, "no case");
                yield new CollectionCase(s.collectionCaseId, s.tenantId, s.caseId, s.partnerId, s.partner, s.debtorId, s.invoices,
                        s.totalClaim, Status.CLOSED, s.partnerReference, s.collectedPerInvoice, s.collected, s.reports, c.outcome());
            }
            case InvoiceAssigned a -> state; // factoring is the invoice's, not a case's
            case FactoringOffered f -> state;
            case FactoringAccepted f -> state;
            case FactoringRejected f -> state;
        };
    }

    /** The case after all these events. */
    public static CollectionCase replay(List<? extends CollectionEvent> events) {
        return DECIDER.fold(events);
    }

    /** The case's decider: no case (null) at first, {@link #decide} and {@link #evolve}. */
    public static final Decider<Command, CollectionCase, CollectionEvent> DECIDER = Decider.of(null, CollectionCase::decide,
            CollectionCase::evolve);

    /** What was open of the invoices when the claim was escalated (toward which the agency collects). */
    public Money principal() {
        return invoices.stream().map(InvoiceSummary::open).reduce(zero(), Money::plus);
    }

    private Money zero() {
        return Money.zero(totalClaim.currency());
    }

    private CollectionCase with(Status next, String reference) {
        return new CollectionCase(collectionCaseId, tenantId, caseId, partnerId, partner, debtorId, invoices, totalClaim, next, reference,
                collectedPerInvoice, collected, reports, outcome);
    }

    private CollectionCase paidBy(CollectionPaymentReported p) {
        Map<InvoiceId, Money> perInvoice = new LinkedHashMap<>(collectedPerInvoice);
        p.invoices().forEach(part -> perInvoice.merge(part.invoiceId(), part.amount(), Money::plus));
        Set<UUID> seen = new LinkedHashSet<>(reports);
        seen.add(p.reportId());
        return new CollectionCase(collectionCaseId, tenantId, caseId, partnerId, partner, debtorId, invoices, totalClaim, status,
                partnerReference, Map.copyOf(perInvoice), collected.plus(p.amount()), Set.copyOf(seen), outcome);
    }

    private static CollectionCaseOpened opened(Open open) {
        EscalatedToCollection e = open.escalation();
        return new CollectionCaseOpened(e.tenantId(), open.collectionCaseId(), e.caseId(), open.partnerId(), open.partner(),
                e.debtor().debtorId(), e.invoices(), e.totalClaim(), open.at());
    }

    private CollectionCaseUpdated updated(CollectionCaseUpdated.Status next, String reference, String note, Instant at) {
        return new CollectionCaseUpdated(tenantId, collectionCaseId, caseId, next, reference, note, at);
    }

    private CollectionCaseClosed closed(CollectionCaseClosed.Outcome how, String reason, Instant at) {
        return new CollectionCaseClosed(tenantId, collectionCaseId, caseId, how, collected, reason, at);
    }

    private Decision<CollectionEvent> closedRefusal() {
        return Decision.refused("status", "the case is closed (" + outcome + ")");
    }
}
