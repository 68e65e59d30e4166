package nl.tijdig.events;

import java.util.UUID;
import nl.tijdig.kernel.CaseId;

/** A dunning event about one case (one invoice): keyed by the case id, so a case's events stay in order. */
public sealed interface DunningCaseEvent extends DunningEvent permits ReminderDue, PhoneCallDue, AwaitingApproval, StepFlagged, PaymentPlanAgreed,
        PrescriptionApproaching, VatReliefEligible, VatReliefReversed, EscalatedToCollection, DunningCaseClosed {

    CaseId caseId();

    @Override
    default UUID aggregateId() {
        return caseId().value();
    }
}
