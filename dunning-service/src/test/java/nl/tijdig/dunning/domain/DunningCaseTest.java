package nl.tijdig.dunning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.tijdig.dunning.domain.DunningCase.ApprovalRequested;
import nl.tijdig.dunning.domain.DunningCase.Approve;
import nl.tijdig.dunning.domain.DunningCase.Closed;
import nl.tijdig.dunning.domain.DunningCase.ClosedReason;
import nl.tijdig.dunning.domain.DunningCase.Command;
import nl.tijdig.dunning.domain.DunningCase.Delivered;
import nl.tijdig.dunning.domain.DunningCase.Escalated;
import nl.tijdig.dunning.domain.DunningCase.Event;
import nl.tijdig.dunning.domain.DunningCase.OpenChanged;
import nl.tijdig.dunning.domain.DunningCase.OpenUpdated;
import nl.tijdig.dunning.domain.DunningCase.Pause;
import nl.tijdig.dunning.domain.DunningCase.State;
import nl.tijdig.dunning.domain.DunningCase.StepDue;
import nl.tijdig.dunning.domain.DunningCase.StepSkipped;
import nl.tijdig.dunning.domain.DunningCase.Tick;
import nl.tijdig.kernel.Decision;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.Violation;
import nl.tijdig.testing.decider.DeciderSpec;
import org.junit.jupiter.api.Test;

/** Given / when / then over the case decider: given past events, when a command, then the events decided. */
class DunningCaseTest {

    static final LocalDate DUE = LocalDate.of(2026, 11, 2);

    /** A small harness: the state follows every event decided so far. */
    static final class Given {
        State state;

        Given(Segment segment, String open) {
            state = State.opened(new InvoiceId(UUID.randomUUID()), DunningPolicy.defaults(segment), DUE, Money.eur(open));
        }

        List<Event> when(Command command) {
            List<Event> events = DunningCase.decide(command, state);
            state = DunningCase.replay(state, events);
            return events;
        }

        Given delivered(String key, LocalDate on, LocalDate deadline) {
            when(new Delivered(key, on, deadline));
            return this;
        }
    }

    static Given consumerCase() {
        return new Given(Segment.B2C, "121.00");
    }

    @Test
    void a_pre_due_reminder_goes_three_days_before_the_due_date_and_not_earlier() {
        Given given = consumerCase();
        assertThat(given.when(new Tick(DUE.minusDays(4)))).isEmpty();
        assertThat(given.when(new Tick(DUE.minusDays(3)))).containsExactly(
                new StepDue("pre-due", DunningPolicy.Kind.PRE_DUE_REMINDER, DUE.minusDays(3)));
    }

    @Test
    void the_first_reminder_comes_the_day_after_the_due_date_never_the_day_after_the_invoice() {
        Given given = consumerCase();
        given.when(new Tick(DUE.minusDays(3)));
        given.delivered("pre-due", DUE.minusDays(3), null);
        assertThat(given.when(new Tick(DUE))).isEmpty();
        assertThat(given.when(new Tick(DUE.plusDays(1)))).containsExactly(
                new StepDue("friendly", DunningPolicy.Kind.REMINDER, DUE.plusDays(1)));
    }

    @Test
    void a_second_tick_on_the_same_day_and_a_redelivered_confirmation_change_nothing() {
        Given given = consumerCase();
        given.when(new Tick(DUE.minusDays(3)));
        assertThat(given.when(new Tick(DUE.minusDays(3)))).isEmpty(); // waiting for its delivery
        given.delivered("pre-due", DUE.minusDays(3), null);
        assertThat(given.when(new Delivered("pre-due", DUE.minusDays(3), null))).isEmpty();
        assertThat(given.when(new Tick(DUE.minusDays(2)))).isEmpty();
    }

    @Test
    void no_reminder_after_payment() {
        Given given = consumerCase();
        assertThat(given.when(new OpenChanged(Money.eur("0.00"), ClosedReason.PAID)))
                .containsExactly(new OpenUpdated(Money.eur("0.00"), null, true), new Closed(ClosedReason.PAID));
        assertThat(given.when(new Tick(DUE.plusDays(30)))).isEmpty();
    }

    @Test
    void an_invoice_sold_to_a_factor_closes_assigned_once_and_no_reminder_follows() {
        Given given = consumerCase();
        assertThat(given.when(new DunningCase.Assign("Factor Zuid B.V.", DUE.minusDays(5)))).containsExactly(new Closed(ClosedReason.ASSIGNED));
        assertThat(given.when(new DunningCase.Assign("Factor Zuid B.V.", DUE.minusDays(5)))).isEmpty();
        assertThat(given.when(new Tick(DUE.plusDays(30)))).isEmpty();
        assertThat(given.when(new OpenChanged(Money.eur("0.00"), ClosedReason.PAID))).isEmpty();
    }

    @Test
    void a_partial_payment_neither_advances_nor_skips_a_step() {
        Given given = consumerCase();
        given.when(new Tick(DUE.minusDays(3)));
        given.delivered("pre-due", DUE.minusDays(3), null);

        assertThat(given.when(new OpenChanged(Money.eur("60.00"), ClosedReason.PAID)))
                .containsExactly(new OpenUpdated(Money.eur("60.00"), null, true));

        assertThat(given.when(new Tick(DUE))).isEmpty();
        assertThat(given.when(new Tick(DUE.plusDays(1)))).extracting(e -> ((StepDue) e).key()).containsExactly("friendly");
    }

    @Test
    void after_downtime_the_case_catches_up_one_step_at_a_time_with_the_gaps_no_burst() {
        Given given = consumerCase();
        LocalDate back = DUE.plusDays(60); // the scheduler was down for two months

        // the pre-due note's moment has passed: skipped without a letter; then the friendly reminder
        assertThat(given.when(new Tick(back))).containsExactly(new StepSkipped("pre-due", back));
        assertThat(given.when(new Tick(back))).containsExactly(new StepDue("friendly", DunningPolicy.Kind.REMINDER, back));
        assertThat(given.when(new Tick(back))).isEmpty();
        given.delivered("friendly", back, null);

        // the phone task waits its 3 days after the reminder's delivery, the final notice 5 after that
        assertThat(given.when(new Tick(back.plusDays(2)))).isEmpty();
        assertThat(given.when(new Tick(back.plusDays(3)))).extracting(e -> ((StepDue) e).key()).containsExactly("phone");
        assertThat(given.when(new Tick(back.plusDays(7)))).isEmpty();
        assertThat(given.when(new Tick(back.plusDays(8)))).extracting(e -> ((StepDue) e).key()).containsExactly("final");
    }

    /** The pre-due note and the friendly reminder delivered on their days, the phone task due: the final notice is next. */
    private static void remindedAndCalled(Given given) {
        given.when(new Tick(DUE.minusDays(3)));
        given.delivered("pre-due", DUE.minusDays(3), null);
        given.when(new Tick(DUE.plusDays(1)));
        given.delivered("friendly", DUE.plusDays(1), null);
        given.when(new Tick(DUE.plusDays(8)));
    }

    @Test
    void the_14_dagenbrief_is_never_skipped_and_escalation_waits_for_its_deadline_and_the_approval() {
        Given given = consumerCase();
        LocalDate day = DUE.plusDays(15);
        remindedAndCalled(given);
        assertThat(given.when(new Tick(day))).extracting(e -> ((StepDue) e).key()).containsExactly("final");

        // not delivered yet: no escalation, however late it gets
        assertThat(given.when(new Tick(day.plusDays(60)))).isEmpty();

        LocalDate deadline = FourteenDayLetter.deadline(day, FourteenDayLetter.Delivery.POST, false);
        given.delivered("final", day, deadline);
        assertThat(given.when(new Tick(deadline))).isEmpty();
        assertThat(given.when(new Tick(deadline.plusDays(1)))).containsExactly(
                new StepDue("escalation", DunningPolicy.Kind.ESCALATION, deadline.plusDays(1)),
                new ApprovalRequested(deadline.plusDays(1)));
        assertThat(given.state.status()).isEqualTo(DunningCase.Status.AWAITING_APPROVAL);
        assertThat(given.when(new Approve())).hasSize(1).first().isInstanceOf(Escalated.class);
        assertThat(given.when(new Tick(deadline.plusDays(2)))).isEmpty();
    }

    @Test
    void an_escalated_case_counts_what_the_agency_collects_and_closes_paid_when_nothing_is_open() {
        // given a case escalated to a collection agency
        Given given = consumerCase();
        LocalDate day = DUE.plusDays(15);
        remindedAndCalled(given);
        given.when(new Tick(day));
        LocalDate deadline = FourteenDayLetter.deadline(day, FourteenDayLetter.Delivery.POST, false);
        given.delivered("final", day, deadline);
        given.when(new Tick(deadline.plusDays(1)));
        given.when(new Approve());
        assertThat(given.state.status()).isEqualTo(DunningCase.Status.ESCALATED);

        // when the agency collects part, then only what is open changes: no step, still escalated
        LocalDate collected = deadline.plusDays(20);
        assertThat(given.when(new OpenChanged(Money.eur("40.00"), ClosedReason.PAID, collected)))
                .containsExactly(new OpenUpdated(Money.eur("40.00"), collected, true));
        assertThat(given.state.status()).isEqualTo(DunningCase.Status.ESCALATED);
        assertThat(given.when(new Tick(collected.plusDays(30)))).isEmpty();

        // when it collects the rest, then the case closes as paid, once
        assertThat(given.when(new OpenChanged(Money.eur("0.00"), ClosedReason.PAID, collected.plusDays(5))))
                .containsExactly(new OpenUpdated(Money.eur("0.00"), collected.plusDays(5), true), new Closed(ClosedReason.PAID));
        assertThat(given.when(new OpenChanged(Money.eur("0.00"), ClosedReason.PAID, collected.plusDays(5)))).isEmpty();
    }

    @Test
    void a_reversed_payment_opens_a_paid_case_again_and_the_schedule_knows_its_next_day() {
        Given given = consumerCase();
        assertThat(DunningCase.nextActionOn(given.state)).contains(DUE.minusDays(3));
        given.when(new OpenChanged(Money.eur("0.00"), ClosedReason.PAID));
        assertThat(DunningCase.nextActionOn(given.state)).isEmpty();

        assertThat(given.when(new OpenChanged(Money.eur("121.00"), ClosedReason.PAID)))
                .containsExactly(new DunningCase.Reopened(Money.eur("121.00")));
        assertThat(given.state.status()).isEqualTo(DunningCase.Status.OPEN);
        assertThat(DunningCase.nextActionOn(given.state)).contains(DUE.minusDays(3));
    }

    @Test
    void a_paused_case_takes_no_step_until_it_goes_on() {
        Given given = consumerCase();
        given.when(new Pause(true));
        assertThat(given.when(new Tick(DUE.minusDays(3)))).isEmpty();
        assertThat(given.when(new Pause(true))).isEmpty();
        given.when(new Pause(false));
        assertThat(given.when(new Tick(DUE.minusDays(3)))).hasSize(1);
    }

    @Test
    void replaying_the_events_gives_the_same_state() {
        Given given = consumerCase();
        List<Event> all = new ArrayList<>();
        all.addAll(given.when(new Tick(DUE.minusDays(3))));
        all.addAll(given.when(new Delivered("pre-due", DUE.minusDays(3), null)));
        all.addAll(given.when(new Tick(DUE.plusDays(1))));
        State fresh = State.opened(given.state.invoiceId(), given.state.policy(), DUE, Money.eur("121.00"));
        assertThat(DunningCase.replay(fresh, all)).isEqualTo(given.state);
    }

    @Test
    void the_default_policies_are_valid_and_a_bad_one_is_refused_by_field() {
        assertThat(DunningPolicy.defaults(Segment.B2C).violations()).isEmpty();
        assertThat(DunningPolicy.defaults(Segment.B2B).violations()).isEmpty();
        DunningPolicy bad = new DunningPolicy(Segment.B2C, 1, List.of(
                new DunningPolicy.Step("escalate", DunningPolicy.Kind.ESCALATION, 10, 0, List.of(), null, "x"),
                new DunningPolicy.Step("final", DunningPolicy.Kind.FINAL_NOTICE, 20, 0,
                        List.of(DunningPolicy.Channel.EMAIL), null, "x")), false);
        assertThat(bad.violations()).extracting(Violation::field)
                .contains("steps[1].channels", "steps");
    }

    @Test
    void a_letter_sent_by_post_and_email_counts_from_the_later_receipt_and_a_redelivery_changes_nothing() {
        // given a final notice due and sent by email first
        Given given = consumerCase();
        given.state = DunningCase.replay(given.state, List.of(new StepDue("final", DunningPolicy.Kind.FINAL_NOTICE, DUE.plusDays(15))));
        given.when(new Delivered("final", DUE.plusDays(15), DUE.plusDays(29)));

        // when the posted letter's later deadline arrives, then the deadline moves to it; not back again
        assertThat(given.when(new Delivered("final", DUE.plusDays(15), DUE.plusDays(31)))).singleElement()
                .isEqualTo(new DunningCase.StepDelivered("final", DUE.plusDays(15), DUE.plusDays(31)));
        assertThat(given.when(new Delivered("final", DUE.plusDays(15), DUE.plusDays(29)))).isEmpty();
        assertThat(given.when(new Delivered("final", DUE.plusDays(15), DUE.plusDays(31)))).isEmpty();
        assertThat(given.state.taken().get(0).deadline()).isEqualTo(DUE.plusDays(31));
    }

    @Test
    void a_disputed_case_takes_no_step_counts_payments_and_resumes_where_it_stood() {
        // given a consumer case reminded once
        Given given = consumerCase();
        given.when(new Tick(DUE.plusDays(1)));
        given.when(new Tick(DUE.plusDays(1)));
        given.delivered("friendly", DUE.plusDays(1), null);

        // when the debtor disputes it
        assertThat(given.when(new DunningCase.OpenDispute(DunningCase.DisputeReason.GOODS_NOT_RECEIVED, "pakket kwijt",
                "clerk", DUE.plusDays(2)))).singleElement().isInstanceOf(DunningCase.DisputeOpened.class);

        // then no step is taken, a second dispute decides nothing, a part payment only lowers what is open
        assertThat(given.when(new Tick(DUE.plusDays(30)))).isEmpty();
        assertThat(given.when(new DunningCase.OpenDispute(DunningCase.DisputeReason.OTHER, null, "clerk", DUE.plusDays(3))))
                .isEmpty();
        assertThat(given.when(new OpenChanged(Money.eur("100.00"), ClosedReason.PAID, DUE.plusDays(4))))
                .singleElement().isInstanceOf(OpenUpdated.class);
        assertThat(given.state.status()).isEqualTo(DunningCase.Status.DISPUTED);

        // when it is resolved (dunning resumes), then the next step follows its gap
        given.when(new DunningCase.ResolveDispute(DunningCase.DisputeOutcome.RESUMED, null, "clerk", DUE.plusDays(40)));
        assertThat(given.state.status()).isEqualTo(DunningCase.Status.OPEN);
        assertThat(given.when(new Tick(DUE.plusDays(40)))).singleElement()
                .isEqualTo(new StepDue("phone", DunningPolicy.Kind.PHONE_CALL, DUE.plusDays(40)));
    }

    @Test
    void a_dispute_resolved_by_a_credit_note_waits_for_it() {
        Given given = consumerCase();
        given.when(new DunningCase.OpenDispute(DunningCase.DisputeReason.AMOUNT_WRONG, null, "clerk", DUE));
        given.when(new DunningCase.ResolveDispute(DunningCase.DisputeOutcome.CREDITED, "21 te veel", "clerk", DUE.plusDays(1)));

        assertThat(given.state.status()).isEqualTo(DunningCase.Status.DISPUTED);
        assertThat(given.when(new Tick(DUE.plusDays(5)))).isEmpty();
        assertThat(given.when(new OpenChanged(Money.eur("100.00"), ClosedReason.CREDITED, DUE.plusDays(6))))
                .hasExactlyElementsOfTypes(OpenUpdated.class, DunningCase.HoldLifted.class);
        assertThat(given.state.status()).isEqualTo(DunningCase.Status.OPEN);
        assertThat(given.state.open()).isEqualTo(Money.eur("100.00"));
    }

    @Test
    void reminders_wait_for_a_promise_and_a_broken_promise_resumes_dunning() {
        // given a case whose debtor promises on the due date to pay by the 10th
        Given given = consumerCase();
        given.when(new Tick(DUE.minusDays(3)));
        given.delivered("pre-due", DUE.minusDays(3), null);
        given.when(new DunningCase.Promise(DUE.plusDays(10), "clerk", DUE));
        assertThat(given.state.status()).isEqualTo(DunningCase.Status.PROMISED);
        assertThat(DunningCase.nextActionOn(given.state)).contains(DUE.plusDays(11));

        // then nothing happens until the day after; then the promise is broken and dunning resumes
        assertThat(given.when(new Tick(DUE.plusDays(10)))).isEmpty();
        assertThat(given.when(new Tick(DUE.plusDays(11)))).singleElement()
                .isEqualTo(new DunningCase.PromiseBroken(DUE.plusDays(10), DUE.plusDays(11)));
        assertThat(given.when(new Tick(DUE.plusDays(11)))).singleElement()
                .isEqualTo(new StepDue("friendly", DunningPolicy.Kind.REMINDER, DUE.plusDays(11)));
    }

    @Test
    void a_call_goes_on_the_record_without_changing_the_case_and_a_closed_case_takes_none() {
        // given an open case
        Given given = consumerCase();
        State before = given.state;
        UUID call = UUID.randomUUID();

        // when staff log a call that reached no one, then it is recorded and the case is as it was
        assertThat(given.when(new DunningCase.LogCall(call, DunningCase.CallOutcome.NOT_REACHED, null, "voicemail", "clerk", DUE)))
                .containsExactly(new DunningCase.CallLogged(call, DunningCase.CallOutcome.NOT_REACHED, null, "voicemail", "clerk",
                        DUE));
        assertThat(given.state).isEqualTo(before);

        // when the case is paid and closed, a later call decides nothing
        given.when(new OpenChanged(Money.eur("0.00"), ClosedReason.PAID, DUE.plusDays(1)));
        assertThat(given.when(new DunningCase.LogCall(UUID.randomUUID(), DunningCase.CallOutcome.REACHED, "J. Jansen", null,
                "clerk", DUE.plusDays(2)))).isEmpty();
    }

    @Test
    void a_kept_promise_closes_the_case() {
        Given given = consumerCase();
        given.when(new DunningCase.Promise(DUE.plusDays(10), "clerk", DUE));

        given.when(new OpenChanged(Money.eur("0.00"), ClosedReason.PAID, DUE.plusDays(9)));

        assertThat(given.state.status()).isEqualTo(DunningCase.Status.CLOSED);
        assertThat(given.when(new Tick(DUE.plusDays(11)))).isEmpty();
    }

    @Test
    void a_write_off_above_the_threshold_needs_a_second_user_and_closes_the_case() {
        // given a write-off asked by one user, above the threshold
        Given given = consumerCase();
        assertThat(given.when(new DunningCase.RequestWriteOff("onvindbaar", true, "marieke", DUE.plusDays(90))))
                .singleElement().isInstanceOf(DunningCase.WriteOffRequested.class);
        assertThat(given.when(new Tick(DUE.plusDays(91)))).isEmpty();

        // when the same user decides, nothing happens; when a second user approves, the case closes
        assertThat(given.when(new DunningCase.DecideWriteOff(true, "marieke", DUE.plusDays(91)))).isEmpty();
        assertThat(given.when(new DunningCase.DecideWriteOff(true, "joost", DUE.plusDays(91))))
                .containsExactly(new DunningCase.WrittenOff(Money.eur("121.00"), "onvindbaar", "marieke", "joost",
                        DUE.plusDays(91)), new Closed(ClosedReason.WRITTEN_OFF));
        assertThat(given.state.status()).isEqualTo(DunningCase.Status.CLOSED);
    }

    @Test
    void the_case_decider_states_the_four_eyes_rule_as_a_refusal_given_the_request_and_a_second_users_approval_as_events() {
        // given a consumer case of € 121.00 whose write-off marieke asked
        State opened = State.opened(new InvoiceId(UUID.randomUUID()), DunningPolicy.defaults(Segment.B2C), DUE, Money.eur("121.00"));
        DeciderSpec<Command, State, Event> spec = DeciderSpec.of(DunningCase.decider(opened));
        List<Event> asked = spec.given().when(new DunningCase.RequestWriteOff("onvindbaar", true, "marieke", DUE.plusDays(90)))
                .decided();

        // when marieke decides it herself, it is refused on the four-eyes field; when joost approves, it is written off
        spec.given(asked).when(new DunningCase.DecideWriteOff(true, "marieke", DUE.plusDays(91))).thenRefused(DunningCase.FOUR_EYES);
        spec.given(asked).when(new DunningCase.DecideWriteOff(true, "joost", DUE.plusDays(91)))
                .then(new DunningCase.WrittenOff(Money.eur("121.00"), "onvindbaar", "marieke", "joost", DUE.plusDays(91)),
                        new Closed(ClosedReason.WRITTEN_OFF));
    }

    @Test
    void a_staff_command_that_changes_nothing_is_refused_by_the_domain_saying_why() {
        // given a write-off asked by marieke
        Given given = consumerCase();
        given.when(new DunningCase.RequestWriteOff("onvindbaar", true, "marieke", DUE.plusDays(90)));

        // then her own decision breaks the four-eyes rule, a second request finds one waiting, and a tick is no refusal
        assertThat(DunningCase.decision(new DunningCase.DecideWriteOff(true, "marieke", DUE.plusDays(91)), given.state))
                .isInstanceOfSatisfying(Decision.Refused.class, r -> assertThat(r.violations()).singleElement()
                        .satisfies(v -> assertThat(((Violation) v).field()).isEqualTo(DunningCase.FOUR_EYES)));
        assertThat(DunningCase.decision(new DunningCase.RequestWriteOff("nogmaals", true, "joost", DUE.plusDays(91)),
                given.state)).isEqualTo(Decision.refused("status", "waits for a write-off decision already or is finished"));
        assertThat(DunningCase.decision(new Tick(DUE.plusDays(91)), given.state)).isEqualTo(Decision.decided(List.of()));
        assertThat(DunningCase.decision(new DunningCase.DecideWriteOff(true, "joost", DUE.plusDays(91)), given.state))
                .isInstanceOf(Decision.Decided.class);
    }

    @Test
    void a_small_write_off_closes_at_once_and_a_rejected_one_lets_dunning_go_on() {
        Given small = consumerCase();
        assertThat(small.when(new DunningCase.RequestWriteOff("te klein", false, "marieke", DUE)))
                .hasExactlyElementsOfTypes(DunningCase.WrittenOff.class, Closed.class);

        Given rejected = consumerCase();
        rejected.when(new DunningCase.RequestWriteOff("twijfel", true, "marieke", DUE));
        assertThat(rejected.when(new DunningCase.DecideWriteOff(false, "joost", DUE.plusDays(1)))).singleElement()
                .isInstanceOf(DunningCase.WriteOffRejected.class);
        assertThat(rejected.state.status()).isEqualTo(DunningCase.Status.OPEN);
    }

    @Test
    void a_rejected_hand_over_pauses_the_case() {
        Given given = consumerCase();
        given.state = DunningCase.replay(given.state, List.of(new ApprovalRequested(DUE.plusDays(40))));
        assertThat(given.when(new DunningCase.RejectEscalation("eerst bellen", "marieke", DUE.plusDays(41))))
                .singleElement().isInstanceOf(DunningCase.EscalationRejected.class);
        assertThat(given.state.status()).isEqualTo(DunningCase.Status.PAUSED);
        assertThat(given.when(new DunningCase.RejectEscalation(null, "marieke", DUE.plusDays(42)))).isEmpty();
    }

    @Test
    void a_plan_holds_reminders_while_its_instalments_are_met_and_a_missed_one_resumes_dunning() {
        // given a plan of 3 × 40.33 for the 121.00 open, 5 days' grace
        Given given = consumerCase();
        List<DunningCase.Instalment> instalments = List.of(
                new DunningCase.Instalment(DUE.plusDays(10), Money.eur("40.34")),
                new DunningCase.Instalment(DUE.plusDays(40), Money.eur("40.33")),
                new DunningCase.Instalment(DUE.plusDays(70), Money.eur("40.33")));
        given.when(new DunningCase.AgreePlan(instalments, 5, "clerk", DUE.plusDays(2)));
        assertThat(given.state.status()).isEqualTo(DunningCase.Status.IN_PLAN);
        assertThat(DunningCase.nextActionOn(given.state)).contains(DUE.plusDays(16));

        // when the first instalment is paid, the plan waits for the second
        given.when(new OpenChanged(Money.eur("80.66"), ClosedReason.PAID, DUE.plusDays(9)));
        assertThat(given.when(new Tick(DUE.plusDays(16)))).isEmpty();
        assertThat(DunningCase.nextActionOn(given.state)).contains(DUE.plusDays(46));

        // when the second is not met within its grace days, the plan is broken and dunning resumes
        assertThat(given.when(new Tick(DUE.plusDays(45)))).isEmpty();
        assertThat(given.when(new Tick(DUE.plusDays(46)))).singleElement()
                .isEqualTo(new DunningCase.PlanBroken(instalments.get(1), DUE.plusDays(46)));
        assertThat(given.state.status()).isEqualTo(DunningCase.Status.OPEN);
        assertThat(given.when(new Tick(DUE.plusDays(46)))).singleElement().isInstanceOf(StepSkipped.class);
    }
}
