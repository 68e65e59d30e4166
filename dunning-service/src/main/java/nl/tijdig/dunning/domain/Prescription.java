package nl.tijdig.dunning.domain;

import java.time.LocalDate;
import nl.tijdig.kernel.Segment;

/**
 * When a claim prescribes (verjaring): five years after the day after it fell due (art. 3:307 BW); for
 * consumers two years (art. 7:28 BW covers consumer purchases; Tijdig cannot tell a purchase from a
 * service, so it takes the shorter term for every consumer claim and warns early rather than late). A
 * written reminder the debtor received interrupts it (stuiting, art. 3:317 BW) and a new term of the same
 * length starts the day after (art. 3:319 BW).
 */
public final class Prescription {

    /** How long before the day the scheduler warns. */
    public static final int WARN_DAYS_BEFORE = 60;

    /** The term that applies and when it ends. */
    public record Term(boolean consumer, LocalDate countedFrom, LocalDate prescribesOn) {
    }

    private Prescription() {
    }

    public static Term of(Segment segment, DunningCase.State state) {
        LocalDate last = state.dueDate();
        for (DunningCase.Taken taken : state.taken()) {
            DunningPolicy.Kind kind = state.policy().steps().stream().filter(s -> s.key().equals(taken.key()))
                    .map(DunningPolicy.Step::kind).findFirst().orElse(null);
            boolean written = kind == DunningPolicy.Kind.REMINDER || kind == DunningPolicy.Kind.FINAL_NOTICE;
            if (written && taken.deliveredOn() != null && taken.deliveredOn().isAfter(last)) {
                last = taken.deliveredOn();
            }
        }
        boolean consumer = segment == Segment.B2C;
        LocalDate from = last.plusDays(1);
        return new Term(consumer, from, from.plusYears(consumer ? 2 : 5));
    }
}
