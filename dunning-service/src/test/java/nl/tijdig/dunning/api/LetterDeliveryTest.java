package nl.tijdig.dunning.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.tijdig.events.Channel;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.NotificationFailed;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.events.StepFlagged;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Segment;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

/** A letter is followed until a channel confirms it: sent once more, the fallback channel, or staff. */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "dunning"))
class LetterDeliveryTest extends ClockedTest {

    static final LocalDate ISSUED = LocalDate.of(2027, 9, 1);
    static final LocalDate DUE = LocalDate.of(2027, 10, 1);

    @Test
    @TestSecurity(user = "admin", roles = {"tenant-admin", "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000e1"))
    void a_letter_no_channel_confirms_is_sent_once_more_then_flagged_and_its_case_waits() {
        // given a reminder the notification-service never confirms (the policy waits 2 days)
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000e1");
        DebtorId debtor = world.debtor("Stil B.V.", Segment.B2B);
        InvoiceIssued invoice = world.invoice(debtor, "Stil B.V.", Segment.B2B, "N-1", "121.00", ISSUED, DUE);
        DunningWorld.runOn(DUE.plusDays(1));
        ReminderDue first = world.published(ReminderDue.class, 1).get(0);

        // when a day passes, nothing; when the second day has passed, the same letter again
        DunningWorld.runOn(DUE.plusDays(2));
        world.published(ReminderDue.class, 1);
        DunningWorld.runOn(DUE.plusDays(3));
        List<ReminderDue> both = world.published(ReminderDue.class, 2);
        assertThat(both).extracting(ReminderDue::reminderId).containsOnly(first.reminderId());

        // when two more days pass without a confirmation, then staff are asked, and nothing more is sent
        DunningWorld.runOn(DUE.plusDays(5));
        StepFlagged flagged = world.published(StepFlagged.class, 1).get(0);
        assertThat(flagged.reason()).isEqualTo(StepFlagged.Reason.NOT_CONFIRMED);
        assertThat(flagged.reminderId()).isEqualTo(first.reminderId());
        DunningWorld.runOn(DUE.plusDays(9));
        world.published(ReminderDue.class, 2);
        world.published(StepFlagged.class, 1);
        given().when().get("/cases/" + invoice.invoiceId().value()).then().body("state.status", is("AWAITING_DELIVERY"));
    }

    @Test
    @TestSecurity(user = "admin", roles = {"tenant-admin", "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000e2"))
    void a_failed_channel_falls_back_and_a_failed_fallback_goes_to_staff() {
        // given a friendly reminder by email (the default policy's fallback: post)
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000e2");
        DebtorId debtor = world.debtor("Onbereikbaar B.V.", Segment.B2B);
        world.invoice(debtor, "Onbereikbaar B.V.", Segment.B2B, "U-1", "121.00", ISSUED, DUE);
        DunningWorld.runOn(DUE.plusDays(1));
        ReminderDue byEmail = world.published(ReminderDue.class, 1).get(0);
        assertThat(byEmail.channels()).containsExactly(Channel.EMAIL);

        // when the email bounces, then the same letter goes by post
        CaseApiTest.publish(new NotificationFailed(world.tenant, byEmail.caseId(), byEmail.reminderId(), Channel.EMAIL,
                "Mailbox does not exist", true, Instant.now()));
        List<ReminderDue> letters = world.published(ReminderDue.class, 2);
        assertThat(letters.get(1).channels()).containsExactly(Channel.LETTER);
        assertThat(letters.get(1).reminderId()).isEqualTo(byEmail.reminderId());

        // when the post fails too, then staff are asked
        CaseApiTest.publish(new NotificationFailed(world.tenant, byEmail.caseId(), byEmail.reminderId(), Channel.LETTER,
                "Adres onbekend", true, Instant.now()));
        StepFlagged flagged = world.published(StepFlagged.class, 1).get(0);
        assertThat(flagged.reason()).isEqualTo(StepFlagged.Reason.UNDELIVERABLE);
        assertThat(flagged.detail()).contains("LETTER failed (Adres onbekend)");
    }

    @Test
    @TestSecurity(user = "admin", roles = {"tenant-admin", "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000e3"))
    void a_confirmed_letter_is_not_sent_again() {
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000e3");
        DebtorId debtor = world.debtor("Bevestigd B.V.", Segment.B2B);
        InvoiceIssued invoice = world.invoice(debtor, "Bevestigd B.V.", Segment.B2B, "OK-1", "121.00", ISSUED, DUE);
        DunningWorld.runOn(DUE.plusDays(1));
        world.sent(world.published(ReminderDue.class, 1).get(0), Channel.EMAIL, Instant.now());
        await().atMost(DunningWorld.WAIT).untilAsserted(() -> given().when().get("/cases/" + invoice.invoiceId().value())
                .then().body("state.status", is("OPEN")));

        DunningWorld.runOn(DUE.plusDays(4));

        world.published(ReminderDue.class, 1);
        world.published(StepFlagged.class, 0);
    }
}
