package nl.tijdig.dunning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;
import org.junit.jupiter.api.Test;

class PrescriptionTest {

    static final LocalDate DUE = LocalDate.of(2026, 2, 28);

    static DunningCase.State state(Segment segment, List<DunningCase.Event> events) {
        return DunningCase.replay(DunningCase.State.opened(new InvoiceId(UUID.randomUUID()), DunningPolicy.defaults(segment),
                DUE, Money.eur("100.00")), events);
    }

    @Test
    void a_business_claim_prescribes_five_years_after_it_fell_due_a_consumer_claim_two() {
        assertThat(Prescription.of(Segment.B2B, state(Segment.B2B, List.of())).prescribesOn())
                .isEqualTo(LocalDate.of(2031, 3, 1));
        assertThat(Prescription.of(Segment.B2C, state(Segment.B2C, List.of())).prescribesOn())
                .isEqualTo(LocalDate.of(2028, 3, 1));
    }

    @Test
    void a_written_reminder_received_starts_the_term_again_a_phone_call_or_an_unconfirmed_letter_does_not() {
        LocalDate sent = LocalDate.of(2026, 3, 16);
        DunningCase.State reminded = state(Segment.B2C, List.of(
                new DunningCase.StepDue("friendly", DunningPolicy.Kind.REMINDER, DUE.plusDays(1)),
                new DunningCase.StepDelivered("friendly", DUE.plusDays(1), null),
                new DunningCase.StepDue("phone", DunningPolicy.Kind.PHONE_CALL, DUE.plusDays(8)),
                new DunningCase.StepDue("final", DunningPolicy.Kind.FINAL_NOTICE, sent),
                new DunningCase.StepDelivered("final", sent, LocalDate.of(2026, 4, 2))));
        assertThat(Prescription.of(Segment.B2C, reminded).countedFrom()).isEqualTo(sent.plusDays(1));
        assertThat(Prescription.of(Segment.B2C, reminded).prescribesOn()).isEqualTo(LocalDate.of(2028, 3, 17));

        DunningCase.State unconfirmed = state(Segment.B2B, List.of(
                new DunningCase.StepDue("friendly", DunningPolicy.Kind.REMINDER, DUE.plusDays(1))));
        assertThat(Prescription.of(Segment.B2B, unconfirmed).countedFrom()).isEqualTo(DUE.plusDays(1));
    }
}
