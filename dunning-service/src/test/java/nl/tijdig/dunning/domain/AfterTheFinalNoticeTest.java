package nl.tijdig.dunning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tijdig.dunning.domain.DunningCase.ClosedReason;
import nl.tijdig.dunning.domain.DunningCase.CollectionOutcome;
import nl.tijdig.dunning.domain.DunningCase.Event;
import nl.tijdig.dunning.domain.DunningCase.Status;
import nl.tijdig.dunning.domain.DunningCase.Tick;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;
import org.junit.jupiter.api.Test;

/**
 * What happens after the final notice: a 14-dagenbrief that bounced after it was confirmed sent starts no term
 * (art. 6:96 lid 6 BW counts from receipt), and a claim the agency gives back, rejects or the creditor recalls is
 * with the creditor again — labelled as such, waiting for a decision, never stuck at ESCALATED.
 */
class AfterTheFinalNoticeTest {

    static final LocalDate DUE = DunningCaseTest.DUE;
    static final LocalDate FINAL = DUE.plusDays(15);

    /** A consumer's case whose 14-dagenbrief went out on {@link #FINAL} with its deadline. */
    static DunningCaseTest.Given atFinalNotice(LocalDate deadline) {
        DunningCaseTest.Given given = DunningCaseTest.consumerCase();
        given.when(new Tick(DUE.plusDays(1))); // the pre-due note, skipped
        given.when(new Tick(DUE.plusDays(1)));
        given.delivered("friendly", DUE.plusDays(1), null);
        given.when(new Tick(DUE.plusDays(8)));
        List<Event> notice = given.when(new Tick(FINAL));
        assertThat(notice).containsExactly(new DunningCase.StepDue("final", DunningPolicy.Kind.FINAL_NOTICE, FINAL));
        given.delivered("final", FINAL, deadline);
        return given;
    }

    @Test
    void a_final_notice_that_did_not_arrive_waits_for_its_letter_and_no_term_runs() {
        LocalDate deadline = FourteenDayLetter.deadline(FINAL, FourteenDayLetter.Delivery.POST, false);
        DunningCaseTest.Given given = atFinalNotice(deadline);

        // when the letter comes back after it was confirmed sent
        List<Event> events = given.when(new DunningCase.Undelivered("final", "LETTER failed after it was sent", FINAL.plusDays(4)));

        // then the step is no longer delivered, and after the old deadline nothing is handed over
        assertThat(events).containsExactly(new DunningCase.StepUndelivered("final", "LETTER failed after it was sent",
                FINAL.plusDays(4)));
        assertThat(given.state.status()).isEqualTo(Status.AWAITING_DELIVERY);
        assertThat(given.state.taken()).last().satisfies(t -> {
            assertThat(t.deliveredOn()).isNull();
            assertThat(t.deadline()).isNull();
        });
        assertThat(given.when(new Tick(deadline.plusDays(1)))).isEmpty();
        assertThat(DunningCase.nextActionOn(given.state)).isEmpty();

        // when the letter is delivered again, the term runs from that letter
        LocalDate again = FINAL.plusDays(5);
        LocalDate newDeadline = FourteenDayLetter.deadline(again, FourteenDayLetter.Delivery.POST, false);
        given.delivered("final", again, newDeadline);
        assertThat(given.when(new Tick(newDeadline))).isEmpty();
        assertThat(given.when(new Tick(newDeadline.plusDays(1)))).contains(new DunningCase.ApprovalRequested(newDeadline.plusDays(1)));
        // and an undelivery of a step that was never delivered, or once escalated, changes nothing
        assertThat(given.when(new DunningCase.Undelivered("nonsense", "x", again))).isEmpty();
    }

    @Test
    void an_undelivered_final_notice_undoes_the_approval_request_that_followed_it() {
        LocalDate deadline = FourteenDayLetter.deadline(FINAL, FourteenDayLetter.Delivery.POST, false);
        DunningCaseTest.Given given = atFinalNotice(deadline);
        given.when(new Tick(deadline.plusDays(1)));
        assertThat(given.state.status()).isEqualTo(Status.AWAITING_APPROVAL);

        given.when(new DunningCase.Undelivered("final", "bounced", deadline.plusDays(2)));

        assertThat(given.state.status()).isEqualTo(Status.AWAITING_DELIVERY);
        assertThat(given.state.taken()).extracting(DunningCase.Taken::key).containsExactly("pre-due", "friendly", "phone",
                "final");
        assertThat(given.when(new DunningCase.Approve())).isEmpty();
    }

    @Test
    void a_claim_back_from_the_agency_waits_for_the_creditor_and_can_go_to_another() {
        LocalDate deadline = FourteenDayLetter.deadline(FINAL, FourteenDayLetter.Delivery.POST, false);
        DunningCaseTest.Given given = atFinalNotice(deadline);
        given.when(new Tick(deadline.plusDays(1)));
        given.when(new DunningCase.Approve());
        assertThat(given.state.status()).isEqualTo(Status.ESCALATED);

        // when the agency gives the claim back
        List<Event> events = given.when(new DunningCase.EndCollection(CollectionOutcome.RETURNED, "debtor unreachable",
                deadline.plusDays(60)));

        // then the case is RETURNED, says why, and takes no step by itself
        assertThat(events).containsExactly(new DunningCase.CollectionEnded(CollectionOutcome.RETURNED, "debtor unreachable",
                deadline.plusDays(60)));
        assertThat(given.state.status()).isEqualTo(Status.RETURNED);
        assertThat(given.state.hold().note()).isEqualTo("RETURNED: debtor unreachable");
        assertThat(given.when(new Tick(deadline.plusDays(90)))).isEmpty();
        assertThat(DunningCase.nextActionOn(given.state)).isEmpty();

        // when the creditor hands it to another agency, then it is escalated again
        assertThat(given.when(new DunningCase.Approve(deadline.plusDays(61))))
                .containsExactly(new DunningCase.Escalated(deadline.plusDays(61)));
        assertThat(given.state.status()).isEqualTo(Status.ESCALATED);
        assertThat(given.state.hold()).isNull();
        // and a second closing of a case no longer escalated changes nothing
        given.when(new DunningCase.EndCollection(CollectionOutcome.RECALLED, null, deadline.plusDays(70)));
        assertThat(given.when(new DunningCase.EndCollection(CollectionOutcome.RECALLED, null, deadline.plusDays(71)))).isEmpty();
    }

    @Test
    void a_returned_claim_may_be_settled_by_a_plan_or_written_off() {
        LocalDate deadline = FourteenDayLetter.deadline(FINAL, FourteenDayLetter.Delivery.POST, false);
        DunningCaseTest.Given given = atFinalNotice(deadline);
        given.when(new Tick(deadline.plusDays(1)));
        given.when(new DunningCase.Approve());
        given.when(new DunningCase.EndCollection(CollectionOutcome.REJECTED, "too small", deadline.plusDays(3)));

        assertThat(given.when(new DunningCase.RequestWriteOff("not worth it", false, "admin", deadline.plusDays(4))))
                .contains(new DunningCase.Closed(ClosedReason.WRITTEN_OFF));
    }

    @Test
    void a_reversed_payment_on_a_claim_once_with_an_agency_opens_it_as_returned_not_as_a_fresh_case() {
        LocalDate deadline = FourteenDayLetter.deadline(FINAL, FourteenDayLetter.Delivery.POST, false);
        DunningCaseTest.Given given = atFinalNotice(deadline);
        given.when(new Tick(deadline.plusDays(1)));
        given.when(new DunningCase.Approve());
        UUID payment = UUID.randomUUID();
        given.when(new DunningCase.OpenChanged(Money.eur("0.00"), ClosedReason.PAID, deadline.plusDays(20), payment));
        assertThat(given.state.status()).isEqualTo(Status.CLOSED);

        // when the agency's payment is reversed
        given.when(new DunningCase.OpenChanged(Money.eur("121.00"), ClosedReason.PAID, deadline.plusDays(30), payment));

        // then it is open again, labelled as a claim back with the creditor
        assertThat(given.state.status()).isEqualTo(Status.RETURNED);
        assertThat(given.state.open()).isEqualTo(Money.eur("121.00"));
    }

    @Test
    void a_reversed_payment_on_a_claim_never_escalated_opens_it_for_reminders() {
        DunningCaseTest.Given given = new DunningCaseTest.Given(Segment.B2B, "50.00");
        UUID payment = UUID.randomUUID();
        given.when(new DunningCase.OpenChanged(Money.eur("0.00"), ClosedReason.PAID, DUE, payment));
        given.when(new DunningCase.OpenChanged(Money.eur("50.00"), ClosedReason.PAID, DUE.plusDays(3), payment));
        assertThat(given.state.status()).isEqualTo(Status.OPEN);
    }
}
