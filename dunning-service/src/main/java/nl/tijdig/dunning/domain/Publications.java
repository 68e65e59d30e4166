package nl.tijdig.dunning.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.AwaitingApproval;
import nl.tijdig.events.Channel;
import nl.tijdig.events.CreditorSnapshot;
import nl.tijdig.events.DebtorContact;
import nl.tijdig.events.DossierEntry;
import nl.tijdig.events.DunningCaseClosed;
import nl.tijdig.events.EscalatedToCollection;
import nl.tijdig.events.InvoiceSummary;
import nl.tijdig.events.PhoneCallDue;
import nl.tijdig.events.PublicEvent;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.events.VatReliefReversed;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.TenantId;

/**
 * The public events of the dunning-service, made from the domain's letters and decisions: pure functions, so that
 * what a decision publishes is decided in the domain and a store only appends it ({@link #ofCase}).
 */
public final class Publications {

    private Publications() {
    }

    public static Channel channel(DunningPolicy.Channel channel) {
        return switch (channel) {
            case EMAIL -> Channel.EMAIL;
            case POST -> Channel.LETTER;
            case SMS -> Channel.SMS;
            case PHONE -> Channel.PHONE;
        };
    }

    public static ReminderDue.Kind kind(DunningPolicy.Kind kind, Segment segment) {
        return switch (kind) {
            case PRE_DUE_REMINDER -> ReminderDue.Kind.PRE_DUE_NOTICE;
            case REMINDER -> ReminderDue.Kind.REMINDER;
            case FINAL_NOTICE -> segment == Segment.B2C ? ReminderDue.Kind.FOURTEEN_DAY_LETTER : ReminderDue.Kind.FINAL_NOTICE;
            case PHONE_CALL, ESCALATION -> throw new IllegalArgumentException(kind + " is no letter");
        };
    }

    /**
     * The plan agreed on a case, with what the confirming letter needs: by email where the debtor agreed to
     * email and has an address, else by post.
     */
    public static nl.tijdig.events.PaymentPlanAgreed planAgreed(TenantId tenant, UUID letterId, CaseId caseId,
            Letter.Invoice invoice, String paymentReference, String payLink, DunningCase.PlanAgreed plan, DebtorContact debtor,
            CreditorSnapshot creditor, Instant now) {
        List<nl.tijdig.events.PaymentPlanAgreed.Instalment> instalments = new ArrayList<>();
        for (int i = 0; i < plan.instalments().size(); i++) {
            DunningCase.Instalment instalment = plan.instalments().get(i);
            instalments.add(new nl.tijdig.events.PaymentPlanAgreed.Instalment(i + 1, instalment.dueOn(), instalment.amount()));
        }
        Channel channel = debtor.emailAgreed() && debtor.email() != null ? Channel.EMAIL : Channel.LETTER;
        return new nl.tijdig.events.PaymentPlanAgreed(tenant, caseId, letterId, List.of(channel), debtor,
                creditor, summary(invoice), instalments, plan.graceDays(), plan.openAtStart(), paymentReference,
                payLink, plan.by(), plan.on(), now);
    }

    public static InvoiceSummary summary(Letter.Invoice invoice) {
        return new InvoiceSummary(invoice.invoiceId(), invoice.number(), invoice.issueDate(), invoice.dueDate(),
                invoice.principal(), invoice.open());
    }

    public static ReminderDue reminderDue(TenantId tenant, UUID reminderId, Letter letter, DebtorContact debtor,
            CreditorSnapshot creditor, Instant now) {
        return new ReminderDue(tenant, new CaseId(letter.invoices().get(0).invoiceId().value()), reminderId,
                letter.stepNumber(), kind(letter.kind(), debtor.segment()),
                letter.channels().stream().map(Publications::channel).toList(), debtor, creditor,
                letter.invoices().stream().map(Publications::summary).toList(), letter.totalOpen(),
                letter.collectionCosts(), letter.interest(), letter.totalDue(), letter.paymentReference(),
                letter.payLink(), letter.letterDate(), letter.payWithinDays(),
                letter.collectionCostsVat().isPositive() ? letter.collectionCostsVat() : null, now);
    }

    public static PhoneCallDue phoneCallDue(TenantId tenant, UUID taskId, List<Letter.Invoice> invoices, DebtorContact debtor,
            LocalDate on, Instant now) {
        return new PhoneCallDue(tenant, new CaseId(invoices.get(0).invoiceId().value()), taskId, debtor,
                invoices.stream().map(Publications::summary).toList(),
                invoices.stream().map(Letter.Invoice::open).reduce((a, b) -> a.plus(b)).orElseThrow(), on, now);
    }

    public static AwaitingApproval awaitingApproval(TenantId tenant, Letter claim, DebtorContact debtor, Instant now) {
        return new AwaitingApproval(tenant, new CaseId(claim.invoices().get(0).invoiceId().value()), debtor,
                claim.invoices().stream().map(Publications::summary).toList(), claim.totalOpen(), claim.collectionCosts(),
                claim.interest(), claim.totalOpen().plus(claim.collectionCosts()).plus(claim.interest()),
                claim.letterDate(), now);
    }

    public static EscalatedToCollection escalated(TenantId tenant, Letter claim, DebtorContact debtor, CreditorSnapshot creditor,
            DunningCase.State state, Instant now) {
        return new EscalatedToCollection(tenant, new CaseId(claim.invoices().get(0).invoiceId().value()), debtor, creditor,
                claim.invoices().stream().map(Publications::summary).toList(), claim.totalOpen(), claim.collectionCosts(),
                claim.interest(), claim.totalOpen().plus(claim.collectionCosts()).plus(claim.interest()),
                claim.letterDate(), history(state), now);
    }

    public static DunningCaseClosed closed(TenantId tenant, CaseId caseId, DunningCase.ClosedReason reason, LocalDate on,
            Instant now) {
        DunningCaseClosed.Reason why = switch (reason) {
            case PAID -> DunningCaseClosed.Reason.PAID;
            case CREDITED -> DunningCaseClosed.Reason.CREDITED;
            case CANCELLED -> DunningCaseClosed.Reason.CANCELLED;
            case WRITTEN_OFF -> DunningCaseClosed.Reason.WRITTEN_OFF;
            case ASSIGNED -> DunningCaseClosed.Reason.ASSIGNED;
        };
        return new DunningCaseClosed(tenant, caseId, why, on, now);
    }

    /** Every step of the case as a dossier line: what was due when, and when it went out. */
    public static List<DossierEntry> history(DunningCase.State state) {
        List<DossierEntry> history = new ArrayList<>();
        for (DunningCase.Taken taken : state.taken()) {
            String kind = state.policy().steps().stream().filter(s -> s.key().equals(taken.key()))
                    .map(s -> s.kind().name()).findFirst().orElse("STEP");
            String text = kind + " '" + taken.key() + "' due " + taken.dueOn()
                    + (taken.deliveredOn() != null ? ", sent " + taken.deliveredOn() : ", not confirmed sent")
                    + (taken.deadline() != null ? ", deadline " + taken.deadline() : "");
            history.add(new DossierEntry(taken.dueOn(), text));
        }
        if (history.isEmpty()) {
            history.add(new DossierEntry(state.dueDate(), "invoice due " + state.dueDate()));
        }
        return history;
    }

    /** What the VAT relief of a case stands at, for the reversals a payment causes (see {@link VatRelief#reversals}). */
    public record Relief(String invoiceNumber, Money open, Money vat, Money principal, Money relieved) {
    }

    /**
     * What a case's events publish, whatever command caused them: DunningCaseClosed when it closes, and, when the
     * VAT of the claim was relieved ({@code relief} not null), a VatReliefReversed for what each payment owes again.
     */
    public static List<PublicEvent> ofCase(TenantId tenant, CaseId caseId, List<DunningCase.Event> events, Relief relief,
            LocalDate today, Instant now) {
        List<PublicEvent> published = new ArrayList<>();
        for (DunningCase.Event event : events) {
            if (event instanceof DunningCase.Closed closed) {
                published.add(closed(tenant, caseId, closed.reason(), today, now));
            }
        }
        if (relief != null) {
            for (VatRelief.Reversal reversal : VatRelief.reversals(events, relief.open(), relief.vat(), relief.principal(),
                    relief.relieved(), today)) {
                published.add(new VatReliefReversed(tenant, caseId, relief.invoiceNumber(), reversal.on(), reversal.paid(),
                        reversal.vat(), now));
            }
        }
        return published;
    }
}
