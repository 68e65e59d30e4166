package nl.tijdig.events;

import static nl.tijdig.events.Values.required;

import java.time.Instant;
import java.time.LocalDate;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * An open claim prescribes soon (verjaring): five years after it fell due (art. 3:307 BW), two years for
 * a consumer purchase (art. 7:28 BW, applied to every consumer claim to be safe), each counted again from
 * the last written reminder the debtor received (stuiting, art. 3:317 BW). Staff must act before
 * {@code prescribesOn}: a new written reminder, or proceedings. Key: caseId.
 */
public record PrescriptionApproaching(TenantId tenantId, CaseId caseId, LocalDate prescribesOn, Basis basis,
        LocalDate countedFrom, Money open, Instant occurredAt) implements DunningCaseEvent {

    /** Which term applies. */
    public enum Basis {
        GENERAL_FIVE_YEARS,
        CONSUMER_TWO_YEARS
    }

    public PrescriptionApproaching {
        required(tenantId, "tenantId");
        required(caseId, "caseId");
        required(prescribesOn, "prescribesOn");
        required(basis, "basis");
        required(countedFrom, "countedFrom");
        required(open, "open");
        required(occurredAt, "occurredAt");
    }
}
