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
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import nl.tijdig.dunning.domain.WikCosts;
import nl.tijdig.events.AwaitingApproval;
import nl.tijdig.events.Channel;
import nl.tijdig.events.DunningCaseClosed;
import nl.tijdig.events.EscalatedToCollection;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.PhoneCallDue;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

/**
 * What users of existing dunning tools complain about (DOMAIN-NL.md, last section), each a test on the
 * real broker and database: the invoice, payment and notification events published as their producers'
 * contracts shape them, the service's clock moved to the day, the scheduler run, and what dunning
 * published read back from its topic.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "dunning"))
class DunningComplaintsTest extends ClockedTest {

    static final LocalDate ISSUED = LocalDate.of(2027, 3, 1);
    static final LocalDate DUE = LocalDate.of(2027, 3, 31);
    static final String ADMIN = "tenant-admin";

    @Test
    @TestSecurity(user = "admin", roles = {ADMIN, "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000d1"))
    void reminders_for_invoices_already_paid() {
        // given an invoice paid in full before its first reminder
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000d1");
        DebtorId debtor = world.debtor("Bakkerij Paid B.V.", Segment.B2B);
        InvoiceIssued invoice = world.invoice(debtor, "Bakkerij Paid B.V.", Segment.B2B, "P-1", "121.00", ISSUED, DUE);
        world.paid(invoice.invoiceId(), "121.00", "0.00");
        await().atMost(DunningWorld.WAIT).untilAsserted(() -> given().when().get("/cases/" + invoice.invoiceId().value())
                .then().body("state.status", is("CLOSED")));

        // when the scheduler runs on every day a step would have been due
        for (LocalDate day : List.of(DUE.minusDays(3), DUE.plusDays(1), DUE.plusDays(8), DUE.plusDays(15))) {
            DunningWorld.runOn(day);
        }

        // then no reminder ever went out, and the case said it closed as paid
        world.published(ReminderDue.class, 0);
        assertThat(world.published(DunningCaseClosed.class, 1)).singleElement()
                .satisfies(closed -> assertThat(closed.reason()).isEqualTo(DunningCaseClosed.Reason.PAID));
    }

    @Test
    @TestSecurity(user = "admin", roles = {ADMIN, "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000d2"))
    void a_reminder_the_day_after_the_invoice_was_sent() {
        // given an invoice sent today with 30 days to pay
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000d2");
        DebtorId debtor = world.debtor("Drukkerij Vroeg B.V.", Segment.B2B);
        InvoiceIssued invoice = world.invoice(debtor, "Drukkerij Vroeg B.V.", Segment.B2B, "V-1", "242.00", ISSUED, DUE);

        // when the scheduler runs the next day, and every day up to 4 days before the due date
        for (LocalDate day = ISSUED.plusDays(1); day.isBefore(DUE.minusDays(3)); day = day.plusDays(1)) {
            DunningWorld.clockAt(day, LocalTime.of(7, 0));
        }
        DunningWorld.runOn(ISSUED.plusDays(1));
        DunningWorld.runOn(DUE.minusDays(4));

        // then nothing went out; 3 days before the due date the friendly pre-due note with the pay link does
        world.published(ReminderDue.class, 0);
        DunningWorld.runOn(DUE.minusDays(3));
        ReminderDue note = world.published(ReminderDue.class, 1).get(0);
        assertThat(note.kind()).isEqualTo(ReminderDue.Kind.PRE_DUE_NOTICE);
        assertThat(note.letterDate()).isEqualTo(DUE.minusDays(3));
        assertThat(note.payWithinDays()).isEqualTo(3);
        assertThat(note.invoices()).singleElement().satisfies(i -> assertThat(i.invoiceNumber()).isEqualTo("V-1"));
    }

    @Test
    @TestSecurity(user = "admin", roles = {ADMIN, "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000d3"))
    void late_fees_added_on_every_scheduler_run() {
        // given a consumer's invoice at its final notice (pre-due skipped, reminder and call done)
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000d3");
        DebtorId debtor = world.debtor("J. Jansen", Segment.B2C);
        InvoiceIssued invoice = world.invoice(debtor, "J. Jansen", Segment.B2C, "F-1", "1000.00", ISSUED, DUE);
        DunningWorld.runOn(DUE.plusDays(1));
        ReminderDue friendly = world.published(ReminderDue.class, 1).get(0);
        world.sent(friendly, Channel.EMAIL, BusinessTime.startOf(DUE.plusDays(1)).plusSeconds(8 * 3600));
        await().atMost(DunningWorld.WAIT).untilAsserted(() -> given().when().get("/cases/" + invoice.invoiceId().value())
                .then().body("state.taken[1].deliveredOn", is(DUE.plusDays(1).toString())));
        DunningWorld.runOn(DUE.plusDays(8));

        // when the scheduler runs again and again on the final notice's day
        for (int i = 0; i < 4; i++) {
            DunningWorld.runOn(DUE.plusDays(15));
        }

        // then one 14-dagenbrief states the WIK costs once: over the principal, never added up per run
        List<ReminderDue> letters = world.published(ReminderDue.class, 2);
        ReminderDue fourteenDays = letters.get(1);
        assertThat(fourteenDays.kind()).isEqualTo(ReminderDue.Kind.FOURTEEN_DAY_LETTER);
        assertThat(fourteenDays.collectionCosts()).isEqualTo(WikCosts.of(Money.eur("1000.00")));
        assertThat(fourteenDays.collectionCosts()).isEqualTo(Money.eur("150.00"));
        assertThat(fourteenDays.payWithinDays()).isEqualTo(14);
        assertThat(fourteenDays.channels()).containsExactly(Channel.LETTER, Channel.EMAIL);
        assertThat(fourteenDays.totalDue()).isEqualTo(fourteenDays.totalOpen().plus(fourteenDays.interest()));
        assertThat(fourteenDays.interest().isPositive()).isTrue();
        world.published(PhoneCallDue.class, 1);
    }

    @Test
    @TestSecurity(user = "admin", roles = {ADMIN, "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000d4"))
    void reminders_a_day_off_because_of_time_zones() {
        // given an invoice due on 30 June (summer time: Amsterdam is UTC+2)
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000d4");
        LocalDate due = LocalDate.of(2027, 6, 30);
        DebtorId debtor = world.debtor("Zomer B.V.", Segment.B2B);
        world.invoice(debtor, "Zomer B.V.", Segment.B2B, "Z-1", "121.00", due.minusDays(2), due);

        // when the scheduler runs at 23:30 on the due date in Amsterdam (21:30 UTC, the same UTC day)
        DunningWorld.clockAt(due, LocalTime.of(23, 30));
        DunningWorld.run();

        // then no reminder yet (the pre-due note's moment has passed: skipped without a letter)
        world.published(ReminderDue.class, 0);

        // when it runs at 00:30 the next day in Amsterdam (still 30 June in UTC)
        DunningWorld.clockAt(due.plusDays(1), LocalTime.of(0, 30));
        assertThat(clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate()).isEqualTo(due);
        DunningWorld.run();

        // then the reminder of the day after the due date goes out, dated by the Dutch day
        ReminderDue reminder = world.published(ReminderDue.class, 1).get(0);
        assertThat(reminder.kind()).isEqualTo(ReminderDue.Kind.REMINDER);
        assertThat(reminder.letterDate()).isEqualTo(due.plusDays(1));
    }

    @Test
    @TestSecurity(user = "admin", roles = {ADMIN, "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000d5"))
    void no_catch_up_after_a_missed_scheduler_run() {
        // given an invoice whose whole schedule passed while the scheduler did not run (60 days overdue)
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000d5");
        DebtorId debtor = world.debtor("Achterstand B.V.", Segment.B2B);
        InvoiceIssued invoice = world.invoice(debtor, "Achterstand B.V.", Segment.B2B, "L-1", "500.00", ISSUED, DUE);
        LocalDate back = DUE.plusDays(60);

        // when it runs again, several times that day
        DunningWorld.runOn(back);
        DunningWorld.runOn(back);
        DunningWorld.runOn(back);

        // then it catches up one step: the friendly reminder (the pre-due note skipped), not a burst
        ReminderDue first = world.published(ReminderDue.class, 1).get(0);
        assertThat(first.kind()).isEqualTo(ReminderDue.Kind.REMINDER);
        world.published(PhoneCallDue.class, 0);

        // when the reminder went out and the days pass, each step keeps its gap after the one before
        world.sent(first, Channel.EMAIL, BusinessTime.startOf(back).plusSeconds(9 * 3600));
        await().atMost(DunningWorld.WAIT).untilAsserted(() -> given().when().get("/cases/" + invoice.invoiceId().value())
                .then().body("nextActionOn", is(back.plusDays(3).toString())));
        DunningWorld.runOn(back.plusDays(2));
        world.published(PhoneCallDue.class, 0);
        DunningWorld.runOn(back.plusDays(3));
        world.published(PhoneCallDue.class, 1);
        DunningWorld.runOn(back.plusDays(7));
        world.published(ReminderDue.class, 1);
        DunningWorld.runOn(back.plusDays(8));
        assertThat(world.published(ReminderDue.class, 2).get(1).kind()).isEqualTo(ReminderDue.Kind.FINAL_NOTICE);
    }

    @Test
    @TestSecurity(user = "admin", roles = {ADMIN, "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000d6"))
    void no_way_to_pause_one_invoice_or_exclude_one_customer() {
        // given two debtors with an overdue invoice each
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000d6");
        DebtorId kept = world.debtor("Doorgaan B.V.", Segment.B2B);
        DebtorId excluded = world.debtor("Vaste Klant B.V.", Segment.B2B);
        InvoiceIssued paused = world.invoice(kept, "Doorgaan B.V.", Segment.B2B, "PA-1", "100.00", ISSUED, DUE);
        InvoiceIssued other = world.invoice(kept, "Doorgaan B.V.", Segment.B2B, "PA-2", "200.00", ISSUED, DUE);
        world.invoice(excluded, "Vaste Klant B.V.", Segment.B2B, "EX-1", "300.00", ISSUED, DUE);

        // when one invoice is paused and the other customer is excluded
        given().contentType(ContentType.JSON).body("{\"paused\": true}").when()
                .post("/cases/" + paused.invoiceId().value() + "/pause").then().statusCode(200).body("state.status", is("PAUSED"));
        given().contentType(ContentType.JSON).body("{\"paused\": true, \"reason\": \"EXCLUDED\"}").when()
                .put("/debtors/" + excluded.value() + "/dunning-pause").then().statusCode(200);
        DunningWorld.runOn(DUE.plusDays(1));

        // then only the other invoice of the first debtor is reminded
        ReminderDue reminder = world.published(ReminderDue.class, 1).get(0);
        assertThat(reminder.invoices()).extracting(i -> i.invoiceNumber()).containsExactly("PA-2");
        assertThat(reminder.caseId().value()).isEqualTo(other.invoiceId().value());

        // when the customer is let go on, then its reminder follows on the next run
        given().contentType(ContentType.JSON).body("{\"paused\": false}").when()
                .put("/debtors/" + excluded.value() + "/dunning-pause").then().statusCode(200).body("paused", is(false));
        DunningWorld.runOn(DUE.plusDays(2));
        assertThat(world.published(ReminderDue.class, 2)).extracting(r -> r.invoices().get(0).invoiceNumber())
                .containsExactlyInAnyOrder("PA-2", "EX-1"); // (letters of two cases: no order across partitions)
    }

    @Test
    @TestSecurity(user = "admin", roles = {ADMIN, "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000d7"))
    void the_same_timing_for_companies_and_consumers() {
        // given a consumer and a company with the same invoice
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000d7");
        DebtorId consumer = world.debtor("P. de Vries", Segment.B2C);
        DebtorId company = world.debtor("De Vries Techniek B.V.", Segment.B2B);
        InvoiceIssued toConsumer = world.invoice(consumer, "P. de Vries", Segment.B2C, "S-1", "121.00", ISSUED, DUE);
        InvoiceIssued toCompany = world.invoice(company, "De Vries Techniek B.V.", Segment.B2B, "S-2", "121.00", ISSUED, DUE);

        // then each follows its segment's policy: the consumer's final notice is the 14-dagenbrief by post
        assertThat(world.caseOf(toConsumer.invoiceId()).getString("state.policy.steps[3].templateKey"))
                .isEqualTo("veertiendagenbrief");
        assertThat(world.caseOf(toConsumer.invoiceId()).getString("state.policy.segment")).isEqualTo("B2C");
        assertThat(world.caseOf(toCompany.invoiceId()).getString("state.policy.steps[3].templateKey")).isEqualTo("aanmaning");
        DunningWorld.runOn(DUE.plusDays(1));
        List<ReminderDue> reminders = world.published(ReminderDue.class, 2);
        assertThat(reminders).extracting(r -> r.debtor().segment()).containsExactlyInAnyOrder(Segment.B2C, Segment.B2B);
        assertThat(reminders).filteredOn(r -> r.debtor().segment() == Segment.B2C)
                .singleElement().satisfies(r -> assertThat(r.debtor().emailAgreed()).isFalse());
    }

    @Test
    @TestSecurity(user = "admin", roles = {ADMIN, "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000d8"))
    void dunning_state_skipped_after_a_partial_payment() {
        // given a reminded invoice
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000d8");
        DebtorId debtor = world.debtor("Deels B.V.", Segment.B2B);
        InvoiceIssued invoice = world.invoice(debtor, "Deels B.V.", Segment.B2B, "D-1", "1000.00", ISSUED, DUE);
        DunningWorld.runOn(DUE.plusDays(1));
        ReminderDue first = world.published(ReminderDue.class, 1).get(0);
        world.sent(first, Channel.EMAIL, BusinessTime.startOf(DUE.plusDays(1)).plusSeconds(8 * 3600));

        // when part of it is paid
        world.paid(invoice.invoiceId(), "400.00", "600.00");
        await().atMost(DunningWorld.WAIT).untilAsserted(() -> given().when().get("/cases/" + invoice.invoiceId().value())
                .then().body("state.open.amount", is("600.00")));

        // then the case neither jumps ahead nor skips a step: the call, then the final notice over what is open
        DunningWorld.runOn(DUE.plusDays(8));
        world.published(PhoneCallDue.class, 1);
        world.published(ReminderDue.class, 1);
        DunningWorld.runOn(DUE.plusDays(15));
        ReminderDue finalNotice = world.published(ReminderDue.class, 2).get(1);
        assertThat(finalNotice.kind()).isEqualTo(ReminderDue.Kind.FINAL_NOTICE);
        assertThat(finalNotice.totalOpen()).isEqualTo(Money.eur("600.00"));
        assertThat(finalNotice.collectionCosts()).isEqualTo(WikCosts.of(Money.eur("600.00")));
    }

    @Test
    @TestSecurity(user = "admin", roles = {ADMIN, "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000de"))
    void interest_lost_after_a_partial_payment() {
        // given a reminded invoice of 10,000 of which 9,000 was paid five days after its due date
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000de");
        DebtorId debtor = world.debtor("Rente B.V.", Segment.B2B);
        InvoiceIssued invoice = world.invoice(debtor, "Rente B.V.", Segment.B2B, "R-1", "10000.00", ISSUED, DUE);
        DunningWorld.runOn(DUE.plusDays(1));
        world.sent(world.published(ReminderDue.class, 1).get(0), Channel.EMAIL,
                BusinessTime.startOf(DUE.plusDays(1)).plusSeconds(8 * 3600));
        world.paid(invoice.invoiceId(), "9000.00", "1000.00", DUE.plusDays(5));
        await().atMost(DunningWorld.WAIT).untilAsserted(() -> given().when().get("/cases/" + invoice.invoiceId().value())
                .then().body("state.open.amount", is("1000.00")));

        // when the final notice goes out
        DunningWorld.runOn(DUE.plusDays(8));
        DunningWorld.runOn(DUE.plusDays(15));
        ReminderDue finalNotice = world.published(ReminderDue.class, 2).get(1);

        // then its interest counts the five days on 10,000 and the payment paid that interest before the
        // principal (art. 6:44): not merely interest on the 1,000 left. The letter shows the claim's parts: the
        // principal open is the 1,000 plus what the payment paid of interest, the interest what is still owed
        var kind = nl.tijdig.dunning.domain.InterestRates.Kind.COMMERCIAL;
        var rates = nl.tijdig.dunning.domain.InterestRates.SEEDED;
        Money onTenThousand = nl.tijdig.dunning.domain.StatutoryInterest.compute(Money.eur("10000.00"), DUE.plusDays(1),
                DUE.plusDays(5), kind, rates).interest();
        Money onTheRest = nl.tijdig.dunning.domain.StatutoryInterest.compute(Money.eur("1000.00").plus(onTenThousand),
                DUE.plusDays(6), DUE.plusDays(15), kind, rates).interest();
        assertThat(finalNotice.totalOpen()).isEqualTo(Money.eur("1000.00").plus(onTenThousand));
        assertThat(finalNotice.interest()).isEqualTo(onTheRest);
        assertThat(finalNotice.totalDue()).isEqualTo(Money.eur("1000.00").plus(onTenThousand).plus(onTheRest));
        assertThat(finalNotice.totalDue().minus(Money.eur("1000.00")).isGreaterThan(nl.tijdig.dunning.domain.StatutoryInterest
                .compute(Money.eur("1000.00"), DUE.plusDays(1), DUE.plusDays(15), kind, rates).interest())).isTrue();
    }

    @Test
    @TestSecurity(user = "admin", roles = {ADMIN, "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000d9"))
    void one_letter_per_invoice_instead_of_one_per_debtor() {
        // given a debtor with three overdue invoices
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000d9");
        DebtorId debtor = world.debtor("Veel Facturen B.V.", Segment.B2B);
        world.invoice(debtor, "Veel Facturen B.V.", Segment.B2B, "M-2", "1500.00", ISSUED.plusDays(1), DUE);
        world.invoice(debtor, "Veel Facturen B.V.", Segment.B2B, "M-1", "1500.00", ISSUED, DUE);
        world.invoice(debtor, "Veel Facturen B.V.", Segment.B2B, "M-3", "500.00", ISSUED.plusDays(2), DUE);

        // when the scheduler runs on the reminder's day
        DunningWorld.runOn(DUE.plusDays(1));

        // then one letter lists all three, with their total, and no betalingskenmerk of only one of them
        ReminderDue letter = world.published(ReminderDue.class, 1).get(0);
        assertThat(letter.invoices()).extracting(i -> i.invoiceNumber()).containsExactly("M-1", "M-2", "M-3");
        assertThat(letter.totalOpen()).isEqualTo(Money.eur("3500.00"));
        assertThat(letter.paymentReference()).isNull();
        assertThat(WikCosts.of(Money.eur("3500.00"))).isEqualTo(Money.eur("475.00")); // what its final notice will state
    }

    @Test
    @TestSecurity(user = "admin", roles = {ADMIN, "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000da"))
    void disputed_invoices_still_in_reminders() {
        // given a debtor who disputes one of its two invoices (the case is paused while the dispute runs)
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000da");
        DebtorId debtor = world.debtor("Bezwaar B.V.", Segment.B2B);
        InvoiceIssued disputed = world.invoice(debtor, "Bezwaar B.V.", Segment.B2B, "B-1", "100.00", ISSUED, DUE);
        world.invoice(debtor, "Bezwaar B.V.", Segment.B2B, "B-2", "100.00", ISSUED, DUE);
        given().contentType(ContentType.JSON).body("{\"paused\": true}").when()
                .post("/cases/" + disputed.invoiceId().value() + "/pause").then().statusCode(200);

        // when reminders go out
        DunningWorld.runOn(DUE.plusDays(1));

        // then the disputed invoice is in none of them
        assertThat(world.published(ReminderDue.class, 1).get(0).invoices()).extracting(i -> i.invoiceNumber())
                .containsExactly("B-2");
    }

    @Test
    @TestSecurity(user = "admin", roles = {ADMIN, "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000db"))
    void no_hand_over_to_a_collection_agency_at_the_end() {
        // given a consumer's invoice through every step, its 14-dagenbrief posted on the final notice's day
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000db");
        DebtorId debtor = world.debtor("K. Wanbetaler", Segment.B2C);
        InvoiceIssued invoice = world.invoice(debtor, "K. Wanbetaler", Segment.B2C, "H-1", "2500.00", ISSUED, DUE);
        DunningWorld.runOn(DUE.plusDays(1));
        world.sent(world.published(ReminderDue.class, 1).get(0), Channel.EMAIL,
                BusinessTime.startOf(DUE.plusDays(1)).plusSeconds(8 * 3600));
        DunningWorld.runOn(DUE.plusDays(8));
        LocalDate posted = DUE.plusDays(15); // Thursday 15 April 2027
        DunningWorld.runOn(posted);
        ReminderDue fourteenDays = world.published(ReminderDue.class, 2).get(1);
        world.sent(fourteenDays, Channel.LETTER, BusinessTime.startOf(posted).plusSeconds(10 * 3600));
        // presumed received on the second day after posting not counting Sundays and Mondays: Saturday 17 April;
        // 14 days after that: 1 May, a Saturday, so the term ends on Monday 3 May
        await().atMost(DunningWorld.WAIT).untilAsserted(() -> given().when().get("/cases/" + invoice.invoiceId().value())
                .then().body("state.taken[3].deadline", is("2027-05-03")));

        // when the deadline has not passed, nothing is handed over; the day after, approval is asked
        DunningWorld.runOn(LocalDate.of(2027, 5, 3));
        world.published(AwaitingApproval.class, 0);
        DunningWorld.runOn(LocalDate.of(2027, 5, 4));
        AwaitingApproval asked = world.published(AwaitingApproval.class, 1).get(0);
        assertThat(asked.collectionCosts()).isEqualTo(Money.eur("375.00"));
        given().when().get("/cases/" + invoice.invoiceId().value()).then().body("state.status", is("AWAITING_APPROVAL"));

        // when the creditor approves, then the claim goes to collection with its whole dossier
        given().when().post("/cases/" + invoice.invoiceId().value() + "/approval").then().statusCode(200)
                .body("state.status", is("ESCALATED"));
        EscalatedToCollection escalated = world.published(EscalatedToCollection.class, 1).get(0);
        assertThat(escalated.principal()).isEqualTo(Money.eur("2500.00"));
        assertThat(escalated.collectionCosts()).isEqualTo(Money.eur("375.00"));
        assertThat(escalated.totalClaim()).isEqualTo(escalated.principal().plus(escalated.collectionCosts())
                .plus(escalated.interest()));
        assertThat(escalated.history()).extracting(e -> e.description()).anySatisfy(d -> assertThat(d)
                .contains("FINAL_NOTICE").contains("sent 2027-04-15").contains("deadline 2027-05-03"));
        given().when().post("/cases/" + invoice.invoiceId().value() + "/approval").then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "admin", roles = {ADMIN, "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000dc"))
    void fifty_scheduler_runs_at_once_send_one_reminder() throws Exception {
        // given a debtor with an overdue invoice and the clock on its reminder's day
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000dc");
        DebtorId debtor = world.debtor("Gelijktijdig B.V.", Segment.B2B);
        world.invoice(debtor, "Gelijktijdig B.V.", Segment.B2B, "C-1", "121.00", ISSUED, DUE);
        DunningWorld.clockAt(DUE.plusDays(1), LocalTime.of(7, 0));

        // when 50 runs start at once (replicas, an operator's run, the periodic one)
        var pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        try {
            List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                runs.add(pool.submit(() -> DunningWorld.run()));
            }
            for (var run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }

        // then exactly one reminder went out
        world.published(ReminderDue.class, 1);
    }

    @Test
    @TestSecurity(user = "admin", roles = {ADMIN, "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000df"))
    void fifty_commands_on_one_case_at_once_change_it_once_and_no_reminder_follows_a_payment() throws Exception {
        // given an open case
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000df");
        DebtorId debtor = world.debtor("Druk B.V.", Segment.B2B);
        InvoiceIssued invoice = world.invoice(debtor, "Druk B.V.", Segment.B2B, "CC-1", "121.00", ISSUED, DUE);

        // when 50 staff pause it at once while the payment of the whole invoice arrives
        var pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        try {
            List<java.util.concurrent.Future<Integer>> pauses = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                pauses.add(pool.submit(() -> given().contentType(ContentType.JSON).body("{\"paused\": true}").when()
                        .post("/cases/" + invoice.invoiceId().value() + "/pause").then().extract().statusCode()));
                if (i == 25) {
                    world.paid(invoice.invoiceId(), "121.00", "0.00");
                }
            }
            for (var pause : pauses) {
                assertThat(pause.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(DunningWorld.WAIT).untilAsserted(() -> given().when().get("/cases/" + invoice.invoiceId().value())
                .then().body("state.status", is("CLOSED")));

        // then the case was paused at most once (each later pause decided nothing), it closed as paid, and the
        // scheduler sends nothing for it
        List<String> types = store.load(pool(), world.tenant, invoice.invoiceId().value()).await().indefinitely().stream()
                .map(nl.tijdig.eventstore.RecordedEvent::type).toList();
        assertThat(types.stream().filter("dunning-case.Paused"::equals).count()).isLessThanOrEqualTo(1);
        assertThat(types).contains("dunning-case.Closed", "nl.tijdig.dunning.DunningCaseClosed.v1");
        DunningWorld.runOn(DUE.plusDays(1));
        world.published(ReminderDue.class, 0);
        assertThat(cases.rebuild(pool(), world.tenant, invoice.invoiceId()).await().indefinitely().orElseThrow().status())
                .isEqualTo(nl.tijdig.dunning.domain.DunningCase.Status.CLOSED);
    }

    @Inject
    nl.tijdig.eventstore.EventStore store;

    @Inject
    nl.tijdig.dunning.store.CaseStore cases;

    @Inject
    io.vertx.mutiny.sqlclient.Pool sqlPool;

    io.vertx.mutiny.sqlclient.Pool pool() {
        return sqlPool;
    }

    @Test
    @TestSecurity(user = "admin", roles = {ADMIN, "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000dd"))
    void the_clock_moves_only_where_it_may_and_bad_input_is_named() {
        given().contentType(ContentType.JSON).body("{}").when().put("/admin/clock").then().statusCode(422)
                .body("errors[0].field", is("now"));
        given().contentType(ContentType.JSON).body("{\"paused\": true}").when().put("/debtors/" + java.util.UUID.randomUUID()
                + "/dunning-pause").then().statusCode(422).body("errors[0].field", is("reason"));
        given().contentType(ContentType.JSON).body("{\"paused\": true, \"reason\": \"WSNP\"}").when()
                .put("/debtors/" + java.util.UUID.randomUUID() + "/dunning-pause").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{}").when().post("/cases/" + java.util.UUID.randomUUID() + "/pause")
                .then().statusCode(422).body("errors[0].field", is("paused"));
        given().when().get("/admin/clock").then().statusCode(200).body("movable", is(true));
        assertThat(Instant.now()).isNotNull();
    }
}
