package nl.tijdig.dunning.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Segment;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

/** Staff's actions on a case (disputes, promises), each by a named user and on the case's timeline. */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "dunning"))
class CaseActionsTest extends ClockedTest {

    static final LocalDate ISSUED = LocalDate.of(2028, 5, 1);
    static final LocalDate DUE = LocalDate.of(2028, 5, 31);

    @Test
    @TestSecurity(user = "marieke", roles = {"collector", "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000e6"))
    void a_disputed_invoice_is_left_out_until_resolved_and_a_promise_holds_reminders_until_the_day_after() {
        // given two overdue invoices of one debtor
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000e6");
        DebtorId debtor = world.debtor("Twist B.V.", Segment.B2B);
        InvoiceIssued disputed = world.invoice(debtor, "Twist B.V.", Segment.B2B, "T-1", "121.00", ISSUED, DUE);
        InvoiceIssued promised = world.invoice(debtor, "Twist B.V.", Segment.B2B, "T-2", "242.00", ISSUED, DUE);
        DunningWorld.clockAt(DUE, LocalTime.of(9, 0));

        // when the debtor disputes one and promises to pay the other within 5 days
        given().contentType(ContentType.JSON).body("{\"reason\": \"GOODS_NOT_RECEIVED\", \"note\": \"nooit geleverd\"}")
                .when().post("/cases/" + disputed.invoiceId().value() + "/disputes").then().statusCode(200)
                .body("state.status", is("DISPUTED")).body("state.hold.by", is("marieke"));
        given().contentType(ContentType.JSON).body("{\"payBy\": \"" + DUE.plusDays(5) + "\"}")
                .when().post("/cases/" + promised.invoiceId().value() + "/promise").then().statusCode(200)
                .body("state.status", is("PROMISED")).body("nextActionOn", is(DUE.plusDays(6).toString()));

        // then no letter goes out while the promise holds
        DunningWorld.runOn(DUE.plusDays(1));
        DunningWorld.runOn(DUE.plusDays(5));
        world.published(ReminderDue.class, 0);

        // when the promised day passed unpaid, then dunning resumes for that invoice only
        DunningWorld.runOn(DUE.plusDays(6));
        assertThat(world.published(ReminderDue.class, 1).get(0).invoices()).extracting(i -> i.invoiceNumber())
                .containsExactly("T-2");

        // when the dispute is resolved and dunning resumes, then the disputed invoice gets its letter too
        given().contentType(ContentType.JSON).body("{\"outcome\": \"RESUMED\", \"note\": \"bewijs van levering\"}")
                .when().post("/cases/" + disputed.invoiceId().value() + "/dispute-resolution").then().statusCode(200)
                .body("state.status", is("OPEN"));
        DunningWorld.runOn(DUE.plusDays(7));
        assertThat(world.published(ReminderDue.class, 2)).extracting(r -> r.invoices().get(0).invoiceNumber())
                .containsExactlyInAnyOrder("T-1", "T-2");

        // and the timeline tells it in order, with who did what
        List<String> lines = given().when().get("/cases/" + disputed.invoiceId().value() + "/timeline").then().statusCode(200)
                .extract().jsonPath().getList("what");
        assertThat(lines.get(0)).startsWith("Case opened: EUR 121.00 due " + DUE);
        assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo("Disputed (GOODS_NOT_RECEIVED): nooit geleverd; left out of letters"))
                .anySatisfy(l -> assertThat(l).startsWith("Dispute resolved: RESUMED"))
                .anySatisfy(l -> assertThat(l).startsWith("Letter asked for: REMINDER by EMAIL"));
        given().when().get("/cases/" + disputed.invoiceId().value() + "/timeline").then()
                .body("findAll { it.by == 'marieke' }.what", hasItem("Dispute resolved: RESUMED: bewijs van levering"));
        given().when().get("/cases/" + promised.invoiceId().value() + "/timeline").then()
                .body("what", hasItem("Promise to pay by " + DUE.plusDays(5) + " not kept: dunning resumes"));
    }

    @Test
    @TestSecurity(user = "marieke", roles = {"collector", "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000e7"))
    void bad_actions_are_named_and_change_nothing() {
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000e7");
        DebtorId debtor = world.debtor("Fout B.V.", Segment.B2B);
        InvoiceIssued invoice = world.invoice(debtor, "Fout B.V.", Segment.B2B, "X-1", "121.00", ISSUED, DUE);
        String path = "/cases/" + invoice.invoiceId().value();

        given().contentType(ContentType.JSON).body("{}").when().post(path + "/disputes").then().statusCode(422)
                .body("errors[0].field", is("reason"));
        given().contentType(ContentType.JSON).body("{\"payBy\": \"2020-01-01\"}").when().post(path + "/promise").then()
                .statusCode(422).body("errors[0].field", is("payBy"));
        given().contentType(ContentType.JSON).body("{\"outcome\": \"RESUMED\"}").when().post(path + "/dispute-resolution")
                .then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"reason\": \"OTHER\"}").when()
                .post("/cases/" + java.util.UUID.randomUUID() + "/disputes").then().statusCode(404);
        given().when().get(path).then().body("state.status", is("OPEN"));
        given().when().get("/cases/" + java.util.UUID.randomUUID() + "/timeline").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "marieke", roles = {"collector", "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000e8"))
    void the_aging_report_puts_open_claims_in_their_buckets() {
        // given four invoices: one paid, the others due 10 and 45 days ago and next week
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000e8");
        DebtorId debtor = world.debtor("Ouderdom B.V.", Segment.B2B);
        LocalDate today = LocalDate.of(2028, 8, 15);
        world.invoice(debtor, "Ouderdom B.V.", Segment.B2B, "A-1", "100.00", today.minusDays(40), today.minusDays(10));
        world.invoice(debtor, "Ouderdom B.V.", Segment.B2B, "A-2", "200.00", today.minusDays(75), today.minusDays(45));
        world.invoice(debtor, "Ouderdom B.V.", Segment.B2B, "A-3", "300.00", today.minusDays(23), today.plusDays(7));
        InvoiceIssued paid = world.invoice(debtor, "Ouderdom B.V.", Segment.B2B, "A-4", "400.00", today.minusDays(20),
                today.plusDays(10));
        world.paid(paid.invoiceId(), "400.00", "0.00");
        org.awaitility.Awaitility.await().atMost(DunningWorld.WAIT).untilAsserted(() -> given().when()
                .get("/cases/" + paid.invoiceId().value()).then().body("state.status", is("CLOSED")));
        DunningWorld.clockAt(today, LocalTime.of(12, 0));

        // when the report is asked for
        var report = given().when().get("/reports/aging").then().statusCode(200).extract().jsonPath();

        // then 300 is not due, 100 is 1-30 days late, 200 is 31-60; DSO over 90 days: 600 open / 1000 invoiced × 90
        assertThat(report.getList("buckets.amount.amount")).containsExactly("300.00", "100.00", "200.00", "0.00", "0.00");
        assertThat(report.getList("buckets.count")).containsExactly(1, 1, 1, 0, 0);
        assertThat(report.getString("total.amount")).isEqualTo("600.00");
        assertThat(report.getDouble("dso")).isEqualTo(54.0);
        given().when().get("/reports/aging?dsoDays=7").then().statusCode(422).body("errors[0].field", is("dsoDays"));
    }

    @Test
    @TestSecurity(user = "marieke", roles = {"collector", "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000eb"))
    void a_payment_plan_holds_letters_while_met_and_a_missed_instalment_resumes_dunning() {
        // given an overdue invoice of 300.00 and a plan of two instalments (5 days' grace)
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000eb");
        DebtorId debtor = world.debtor("Termijn B.V.", Segment.B2B);
        InvoiceIssued invoice = world.invoice(debtor, "Termijn B.V.", Segment.B2B, "PL-1", "300.00", ISSUED, DUE);
        String path = "/cases/" + invoice.invoiceId().value();
        DunningWorld.clockAt(DUE, LocalTime.of(9, 0));
        given().contentType(ContentType.JSON).body("{\"instalments\": [{\"dueOn\": \"" + DUE.plusDays(10)
                + "\", \"amount\": \"100.00\"}]}").when().post(path + "/payment-plan").then().statusCode(422)
                .body("errors.field", hasItem("instalments"));
        given().contentType(ContentType.JSON).body("{\"instalments\": [{\"dueOn\": \"" + DUE.plusDays(10)
                + "\", \"amount\": \"150.00\"}, {\"dueOn\": \"" + DUE.plusDays(40) + "\", \"amount\": \"150.00\"}]}")
                .when().post(path + "/payment-plan").then().statusCode(200).body("state.status", is("IN_PLAN"));

        // then the plan is published for the letter that confirms it, once
        nl.tijdig.events.PaymentPlanAgreed agreed = world.published(nl.tijdig.events.PaymentPlanAgreed.class, 1).get(0);
        assertThat(agreed.instalments()).extracting(i -> i.number() + " " + i.dueOn() + " " + i.amount().amount().toPlainString())
                .containsExactly("1 " + DUE.plusDays(10) + " 150.00", "2 " + DUE.plusDays(40) + " 150.00");
        assertThat(agreed.total()).isEqualTo(nl.tijdig.kernel.Money.eur("300.00"));
        assertThat(agreed.graceDays()).isEqualTo(5);
        assertThat(agreed.agreedBy()).isEqualTo("marieke");
        assertThat(agreed.debtor().name()).isEqualTo("Termijn B.V.");
        assertThat(agreed.invoice().invoiceNumber()).isEqualTo("PL-1");
        assertThat(agreed.channels()).containsExactly(nl.tijdig.events.Channel.EMAIL);

        // when the first instalment is paid and the reminder days pass, no letter goes out
        world.paid(invoice.invoiceId(), "150.00", "150.00", DUE.plusDays(9));
        org.awaitility.Awaitility.await().atMost(DunningWorld.WAIT).untilAsserted(() -> given().when().get(path).then()
                .body("state.open.amount", is("150.00")));
        DunningWorld.runOn(DUE.plusDays(1));
        DunningWorld.runOn(DUE.plusDays(20));
        DunningWorld.runOn(DUE.plusDays(45));
        world.published(ReminderDue.class, 0);

        // when the second instalment's grace has passed unpaid, dunning resumes with a reminder
        DunningWorld.runOn(DUE.plusDays(46));
        ReminderDue resumed = world.published(ReminderDue.class, 1).get(0);
        // what is open as the claim reckons it (art. 6:44): the instalment paid the 9 days' interest on 300.00 first
        nl.tijdig.kernel.Money paidInterest = nl.tijdig.dunning.domain.StatutoryInterest.compute(
                nl.tijdig.kernel.Money.eur("300.00"), DUE.plusDays(1), DUE.plusDays(9),
                nl.tijdig.dunning.domain.InterestRates.Kind.COMMERCIAL, nl.tijdig.dunning.domain.InterestRates.SEEDED).interest();
        assertThat(resumed.totalOpen()).isEqualTo(nl.tijdig.kernel.Money.eur("150.00").plus(paidInterest));
        assertThat(resumed.invoices()).singleElement().satisfies(i -> assertThat(i.open()).isEqualTo(resumed.totalOpen()));
        given().when().get(path + "/timeline").then().body("what", hasItem("Instalment of " + DUE.plusDays(40)
                + " (EUR 150.00) not met: dunning resumes"));
    }

    @Test
    @TestSecurity(user = "marieke", roles = {"collector", "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000ec"))
    void cases_are_listed_by_state_debtor_and_age_oldest_due_first() {
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000ec");
        DebtorId one = world.debtor("Lijst B.V.", Segment.B2B);
        DebtorId other = world.debtor("Andere B.V.", Segment.B2B);
        LocalDate today = LocalDate.of(2028, 8, 15);
        world.invoice(one, "Lijst B.V.", Segment.B2B, "L-1", "100.00", today.minusDays(40), today.minusDays(10));
        world.invoice(one, "Lijst B.V.", Segment.B2B, "L-2", "200.00", today.minusDays(75), today.minusDays(45));
        world.invoice(other, "Andere B.V.", Segment.B2B, "L-3", "300.00", today.minusDays(23), today.plusDays(7));
        DunningWorld.clockAt(today, LocalTime.of(12, 0));

        given().when().get("/cases?minDaysPastDue=30").then().statusCode(200)
                .body("cases.invoiceNumber", org.hamcrest.Matchers.contains("L-2")).body("cases[0].daysPastDue", is(45));
        given().when().get("/cases?debtorId=" + other.value()).then().body("cases.invoiceNumber",
                org.hamcrest.Matchers.contains("L-3"));
        var first = given().when().get("/cases?status=OPEN&limit=2").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("cases.invoiceNumber")).containsExactly("L-2", "L-1");
        given().when().get("/cases?status=OPEN&limit=2&after=" + first.getString("next")).then()
                .body("cases.invoiceNumber", org.hamcrest.Matchers.contains("L-3")).body("next", org.hamcrest.Matchers.nullValue());
        given().when().get("/cases?status=SLEEPING&limit=500").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("status", "limit"));
    }
}
