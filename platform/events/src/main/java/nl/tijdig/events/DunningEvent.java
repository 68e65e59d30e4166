package nl.tijdig.events;

import java.util.UUID;
import nl.tijdig.kernel.CaseId;

/** Published by the dunning-service on {@code tijdig.dunning.v1}, keyed by case id. */
public sealed interface DunningEvent extends PublicEvent permits ReminderDue, PhoneCallDue, AwaitingApproval, StepFlagged,
        PrescriptionApproaching, VatReliefEligible, VatReliefReversed,
        EscalatedToCollection, DunningCaseClosed {

    CaseId caseId();

    @Override
    default UUID aggregateId() {
        return caseId().value();
    }
}
