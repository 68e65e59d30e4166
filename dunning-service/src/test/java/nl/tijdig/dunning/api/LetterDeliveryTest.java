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

    /** Walks a debtor's invoice to its final notice: the friendly reminder sent, the phone call, the final notice asked. */
    static ReminderDue finalNotice(DunningWorld world, InvoiceIssued invoice) {
        DunningWorld.runOn(DUE.plusDays(1));
        world.sent(world.published(ReminderDue.class, 1).get(0), Channel.EMAIL, nl.tijdig.kernel.BusinessTime.startOf(
                DUE.plusDays(1)).plusSeconds(8 * 3600));
        await().atMost(DunningWorld.WAIT).untilAsserted(() -> given().when().get("/cases/" + invoice.invoiceId().value())
                .then().body("state.taken[1].deliveredOn", is(DUE.plusDays(1).toString())));
        DunningWorld.runOn(DUE.plusDays(8));
        DunningWorld.runOn(DUE.plusDays(15));
        ReminderDue notice = world.published(ReminderDue.class, 2).get(1);
        assertThat(notice.kind()).isEqualTo(ReminderDue.Kind.FOURTEEN_DAY_LETTER);
        return notice;
    }

    /** A consumer's invoice of a tenant at its 14-dagenbrief. */
    record AtFinalNotice(DunningWorld world, InvoiceIssued invoice, ReminderDue notice) {

        String path() {
            return "/cases/" + invoice.invoiceId().value();
        }

        /** The notice confirmed sent on a channel on a day (at 10:00), and its case showing the delivery. */
        void sent(Channel channel, LocalDate day) {
            world.sent(notice, channel, nl.tijdig.kernel.BusinessTime.startOf(day).plusSeconds(10 * 3600));
            await().atMost(DunningWorld.WAIT).untilAsserted(() -> given().when().get(path())
                    .then().body("state.taken[3].deliveredOn", is(day.toString())));
        }
    }

    static AtFinalNotice atFinalNotice(String tenant, boolean vatDeductible, String name, String number, String amount) {
        DunningWorld world = new DunningWorld(tenant, vatDeductible);
        DebtorId debtor = world.debtor(name, Segment.B2C);
        InvoiceIssued invoice = world.invoice(debtor, name, Segment.B2C, number, amount, ISSUED, DUE);
        return new AtFinalNotice(world, invoice, finalNotice(world, invoice));
    }

    @Test
    @TestSecurity(user = "admin", roles = {"tenant-admin", "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000fa"))
    void a_14_dagenbrief_that_bounces_after_it_was_sent_goes_by_post_and_its_term_starts_from_that_letter() {
        // given a consumer's 14-dagenbrief confirmed sent by email
        AtFinalNotice at = atFinalNotice("0193a6f2-0000-7000-8000-0000000000fa", true, "A. Verhuisd", "BO-1", "300.00");
        DunningWorld world = at.world();
        InvoiceIssued invoice = at.invoice();
        ReminderDue notice = at.notice();
        LocalDate emailed = DUE.plusDays(15);
        at.sent(Channel.EMAIL, emailed);

        // when the email bounces two days later (a DSN after ReminderSent)
        LocalDate bounced = emailed.plusDays(2);
        DunningWorld.clockAt(bounced, java.time.LocalTime.of(9, 0));
        CaseApiTest.publish(new NotificationFailed(world.tenant, notice.caseId(), notice.reminderId(), Channel.EMAIL,
                "550 5.1.1 mailbox unknown", true, Instant.now()));

        // then the letter goes by post, dated that day, and the step waits for it: no term runs
        List<ReminderDue> letters = world.published(ReminderDue.class, 3);
        ReminderDue byPost = letters.get(2);
        assertThat(byPost.reminderId()).isEqualTo(notice.reminderId());
        assertThat(byPost.channels()).containsExactly(Channel.LETTER);
        assertThat(byPost.letterDate()).isEqualTo(bounced);
        assertThat(byPost.collectionCosts()).isEqualTo(notice.collectionCosts());
        await().atMost(DunningWorld.WAIT).untilAsserted(() -> given().when().get("/cases/" + invoice.invoiceId().value())
                .then().body("state.status", is("AWAITING_DELIVERY")).body("state.taken[3].deadline", is((Object) null)));

        // when the post confirms it, then the 14 days run from that letter's receipt
        LocalDate posted = bounced.plusDays(1);
        world.sent(byPost, Channel.LETTER, nl.tijdig.kernel.BusinessTime.startOf(posted).plusSeconds(10 * 3600));
        LocalDate deadline = nl.tijdig.dunning.domain.FourteenDayLetter.deadline(posted,
                nl.tijdig.dunning.domain.FourteenDayLetter.Delivery.POST, false);
        await().atMost(DunningWorld.WAIT).untilAsserted(() -> given().when().get("/cases/" + invoice.invoiceId().value())
                .then().body("state.status", is("OPEN")).body("state.taken[3].deadline", is(deadline.toString())));

        // and no hand-over is asked before that deadline has passed
        DunningWorld.runOn(deadline);
        world.published(nl.tijdig.events.AwaitingApproval.class, 0);
        DunningWorld.runOn(deadline.plusDays(1));
        world.published(nl.tijdig.events.AwaitingApproval.class, 1);
    }

    @Test
    @TestSecurity(user = "admin", roles = {"tenant-admin", "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000fb"))
    void a_14_dagenbrief_returned_by_the_post_after_it_was_sent_goes_to_staff_and_no_term_runs() {
        // given a consumer's 14-dagenbrief confirmed posted
        AtFinalNotice at = atFinalNotice("0193a6f2-0000-7000-8000-0000000000fb", true, "B. Onbekend", "RT-1", "300.00");
        DunningWorld world = at.world();
        InvoiceIssued invoice = at.invoice();
        ReminderDue notice = at.notice();
        LocalDate posted = DUE.plusDays(15);
        at.sent(Channel.LETTER, posted);

        // when the letter comes back ("adres onbekend")
        CaseApiTest.publish(new NotificationFailed(world.tenant, notice.caseId(), notice.reminderId(), Channel.LETTER,
                "retour: adres onbekend", true, Instant.now()));

        // then staff are asked, the step is no longer delivered, and its old deadline passes without a hand-over
        StepFlagged flagged = world.published(StepFlagged.class, 1).get(0);
        assertThat(flagged.reason()).isEqualTo(StepFlagged.Reason.UNDELIVERABLE);
        await().atMost(DunningWorld.WAIT).untilAsserted(() -> given().when().get("/cases/" + invoice.invoiceId().value())
                .then().body("state.status", is("AWAITING_DELIVERY")).body("state.taken[3].deliveredOn", is((Object) null)));
        DunningWorld.runOn(posted.plusDays(40));
        world.published(nl.tijdig.events.AwaitingApproval.class, 0);
    }

    @Test
    @TestSecurity(user = "admin", roles = {"tenant-admin", "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000fc"))
    void a_creditor_that_cannot_deduct_vat_states_the_costs_with_vat_rounded_as_on_an_invoice() {
        // given a creditor that cannot deduct VAT, and a consumer's invoice of €333.37
        // when the 14-dagenbrief is asked
        ReminderDue notice = atFinalNotice("0193a6f2-0000-7000-8000-0000000000fc", false, "C. Btw", "VAT-1", "333.37").notice();

        // then the costs are 15 % of €333.37 = €50.01 (to the cent first) plus 21 % VAT on that, €10.50: €60.51
        assertThat(notice.collectionCosts()).isEqualTo(nl.tijdig.kernel.Money.eur("60.51"));
        assertThat(notice.collectionCostsVat()).isEqualTo(nl.tijdig.kernel.Money.eur("10.50"));
    }

    @Test
    @TestSecurity(user = "admin", roles = {"tenant-admin", "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000fd"))
    void a_claim_the_agency_returns_waits_for_the_creditor_who_may_hand_it_over_again() {
        // given a consumer's claim escalated after its 14-dagenbrief
        AtFinalNotice at = atFinalNotice("0193a6f2-0000-7000-8000-0000000000fd", true, "D. Terug", "RET-1", "300.00");
        DunningWorld world = at.world();
        InvoiceIssued invoice = at.invoice();
        ReminderDue notice = at.notice();
        LocalDate posted = DUE.plusDays(15);
        at.sent(Channel.LETTER, posted);
        LocalDate deadline = nl.tijdig.dunning.domain.FourteenDayLetter.deadline(posted,
                nl.tijdig.dunning.domain.FourteenDayLetter.Delivery.POST, false);
        await().atMost(DunningWorld.WAIT).untilAsserted(() -> given().when().get("/cases/" + invoice.invoiceId().value())
                .then().body("state.taken[3].deadline", is(deadline.toString())));
        DunningWorld.runOn(deadline.plusDays(1));
        // the claim the day after the term: the costs its letter announced are owed now, beside principal and interest
        var claim = given().when().get("/cases/" + invoice.invoiceId().value() + "/claim").then().statusCode(200)
                .body("costs.amount", is(notice.collectionCosts().amount().toPlainString()))
                .body("principal.amount", is("300.00")).body("openPrincipal.amount", is("300.00"))
                .body("costsFrom", is(deadline.plusDays(1).toString())).extract().jsonPath();
        assertThat(new java.math.BigDecimal(claim.getString("total.amount"))).isEqualByComparingTo(new java.math.BigDecimal("300.00")
                .add(notice.collectionCosts().amount()).add(new java.math.BigDecimal(claim.getString("interest.amount"))));
        given().when().post("/cases/" + invoice.invoiceId().value() + "/approval").then().statusCode(200)
                .body("state.status", is("ESCALATED"));
        nl.tijdig.events.EscalatedToCollection first = world.published(nl.tijdig.events.EscalatedToCollection.class, 1).get(0);
        assertThat(first.collectionCosts()).isEqualTo(notice.collectionCosts());
        assertThat(first.totalClaim().amount()).isEqualByComparingTo(claim.getString("total.amount"));

        // when the agency gives it back
        CaseApiTest.publish(new nl.tijdig.events.CollectionCaseClosed(world.tenant, java.util.UUID.randomUUID(),
                notice.caseId(), nl.tijdig.events.CollectionCaseClosed.Outcome.RETURNED, nl.tijdig.kernel.Money.eur("0.00"),
                "debtor unreachable", Instant.now()));

        // then the case is RETURNED, says so on its timeline, and takes no step by itself
        await().atMost(DunningWorld.WAIT).untilAsserted(() -> given().when().get("/cases/" + invoice.invoiceId().value())
                .then().body("state.status", is("RETURNED")).body("state.hold.note", is("RETURNED: debtor unreachable")));
        given().when().get("/cases/" + invoice.invoiceId().value() + "/timeline").then().statusCode(200)
                .body("what", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString(
                        "Back from the collection agency")));
        DunningWorld.runOn(deadline.plusDays(30));
        world.published(ReminderDue.class, 2);

        // when the creditor hands it over again, then it goes, with the costs its 14-dagenbrief announced
        given().when().post("/cases/" + invoice.invoiceId().value() + "/approval").then().statusCode(200)
                .body("state.status", is("ESCALATED"));
        nl.tijdig.events.EscalatedToCollection again = world.published(nl.tijdig.events.EscalatedToCollection.class, 2).get(1);
        assertThat(again.collectionCosts()).isEqualTo(notice.collectionCosts());
        assertThat(again.escalationDate()).isEqualTo(deadline.plusDays(30));
    }
}
