package nl.tijdig.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nl.tijdig.events.PhoneCallCompleted;
import nl.tijdig.kernel.Violation;
import nl.tijdig.notification.domain.PhoneTask.Changed;
import nl.tijdig.notification.domain.PhoneTask.Refused;
import nl.tijdig.notification.domain.PhoneTask.State;
import nl.tijdig.notification.domain.PhoneTask.Status;
import org.junit.jupiter.api.Test;

class PhoneTaskTest {

    static final State OPEN = new State(Status.OPEN, null);

    @Test
    void an_open_task_is_claimed_by_whoever_takes_it_and_stays_theirs() {
        State claimed = ((Changed) PhoneTask.claim(OPEN, "marieke")).state();
        assertThat(claimed).isEqualTo(new State(Status.CLAIMED, "marieke"));
        assertThat(PhoneTask.claim(claimed, "marieke")).isEqualTo(new Changed(claimed));
        assertThat(PhoneTask.claim(claimed, "piet")).isEqualTo(new Refused("the task is claimed by marieke"));
        assertThat(PhoneTask.complete(claimed, "piet")).isInstanceOf(Refused.class);
        assertThat(PhoneTask.complete(claimed, "marieke")).isEqualTo(new Changed(new State(Status.DONE, "marieke")));
    }

    @Test
    void an_open_task_may_be_completed_at_once_and_a_done_one_not_again() {
        State done = ((Changed) PhoneTask.complete(OPEN, "piet")).state();
        assertThat(done.status()).isEqualTo(Status.DONE);
        assertThat(PhoneTask.complete(done, "piet")).isEqualTo(new Refused("the task is done"));
        assertThat(PhoneTask.claim(done, "piet")).isEqualTo(new Refused("the task is done"));
    }

    @Test
    void a_call_report_names_a_date_only_for_a_promise_and_a_reason_only_for_a_dispute() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        LocalDate today = LocalDate.of(2026, 11, 23);
        CallReport.Result promise = CallReport.check("PROMISE", today.plusDays(7), null, " ", null, null, now, today);
        assertThat(promise.violations()).isEmpty();
        assertThat(promise.report().calledAt()).isEqualTo(now);
        assertThat(promise.report().notes()).isNull();
        assertThat(CallReport.check("PROMISE", today.minusDays(1), null, null, null, null, now, today).violations())
                .extracting(Violation::field).containsExactly("promisedBy");
        assertThat(CallReport.check("PROMISE", today.plusYears(2), null, null, null, null, now, today).violations())
                .extracting(Violation::field).containsExactly("promisedBy");
        assertThat(CallReport.check("REACHED", today, "OTHER", null, null, null, now, today).violations())
                .extracting(Violation::field).containsExactly("promisedBy", "disputeReason");
        assertThat(CallReport.check("DISPUTE", null, "NOPE", null, null, null, now, today).violations())
                .extracting(Violation::field).containsExactly("disputeReason");
        assertThat(CallReport.check("DISPUTE", null, "AMOUNT_WRONG", null, null, null, now, today).report().disputeReason())
                .isEqualTo(PhoneCallCompleted.DisputeReason.AMOUNT_WRONG);
        assertThat(CallReport.check(null, null, null, "x".repeat(5000), null, now.minusSeconds(31L * 86400), now, today).violations())
                .extracting(Violation::field).containsExactly("outcome", "notes", "calledAt");
    }
}
