package nl.tijdig.dunning.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.PhoneCallCompleted;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Segment;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

/**
 * The outcomes of calls to the debtor (the notification-service's PhoneCallCompleted, shaped as its contract
 * example): a promise holds reminders, a dispute holds the invoices, a call that reached no one leaves dunning
 * going; every call is on the timeline with who called.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "dunning"))
class PhoneCallOutcomesTest extends ClockedTest {

    static final String TENANT = "0193a6f2-0000-7000-8000-0000000000a8";
    static final LocalDate ISSUED = LocalDate.of(2028, 9, 1);
    static final LocalDate DUE = LocalDate.of(2028, 10, 2);

    /** The contract example, about these cases of this debtor, called on {@code day}. */
    static PhoneCallCompleted call(DunningWorld world, DebtorId debtor, List<InvoiceIssued> invoices,
            PhoneCallCompleted.Outcome outcome, LocalDate promisedBy, PhoneCallCompleted.DisputeReason reason, LocalDate day) {
        PhoneCallCompleted example = EventExamples.event(PhoneCallCompleted.class);
        List<CaseId> cases = invoices.stream().map(i -> new CaseId(i.invoiceId().value())).toList();
        var at = day.atTime(10, 0).atZone(BusinessTime.ZONE).toInstant();
        return new PhoneCallCompleted(world.tenant, cases.get(0), UUID.randomUUID(), example.taskId(), debtor, cases, outcome,
                promisedBy, reason, example.notes(), example.calledBy(),
                outcome == PhoneCallCompleted.Outcome.NOT_REACHED ? null : example.spokeWith(), at, at);
    }

    @Test
    @TestSecurity(user = "marieke", roles = {"collector", "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_promise_on_the_phone_holds_reminders_a_dispute_holds_the_invoice_and_no_answer_changes_nothing() {
        // given three overdue invoices of three debtors
        DunningWorld world = new DunningWorld(TENANT);
        DebtorId promising = world.debtor("Belofte B.V.", Segment.B2B);
        DebtorId disputing = world.debtor("Betwist B.V.", Segment.B2B);
        DebtorId unreachable = world.debtor("Onbereikbaar B.V.", Segment.B2B);
        InvoiceIssued promised = world.invoice(promising, "Belofte B.V.", Segment.B2B, "PC-1", "121.00", ISSUED, DUE);
        InvoiceIssued disputed = world.invoice(disputing, "Betwist B.V.", Segment.B2B, "PC-2", "242.00", ISSUED, DUE);
        InvoiceIssued unanswered = world.invoice(unreachable, "Onbereikbaar B.V.", Segment.B2B, "PC-3", "363.00", ISSUED, DUE);
        DunningWorld.clockAt(DUE, LocalTime.of(9, 0));

        // when staff called each: a promise to pay within 5 days, a dispute, no answer
        PhoneCallCompleted promise = call(world, promising, List.of(promised), PhoneCallCompleted.Outcome.PROMISE,
                DUE.plusDays(5), null, DUE);
        CaseApiTest.publish(promise);
        CaseApiTest.publish(promise); // published again (a new event id, the same call): taken in once
        CaseApiTest.publish(call(world, disputing, List.of(disputed), PhoneCallCompleted.Outcome.DISPUTE, null,
                PhoneCallCompleted.DisputeReason.GOODS_NOT_RECEIVED, DUE));
        CaseApiTest.publish(call(world, unreachable, List.of(unanswered), PhoneCallCompleted.Outcome.NOT_REACHED, null, null, DUE));

        // then the promised case waits, the disputed one is held, the other goes on
        await().atMost(DunningWorld.WAIT).until(() -> world.caseOf(promised.invoiceId()).getString("state.status").equals("PROMISED")
                && world.caseOf(disputed.invoiceId()).getString("state.status").equals("DISPUTED")
                && given().when().get("/cases/" + unanswered.invoiceId().value() + "/timeline").then().extract().jsonPath()
                        .getList("what", String.class).stream().anyMatch(l -> l.startsWith("Phoned the debtor")));
        assertThat(world.caseOf(promised.invoiceId()).getString("state.hold.by")).isEqualTo("m.jansen");
        assertThat(world.caseOf(unanswered.invoiceId()).getString("state.status")).isEqualTo("OPEN");

        // when the scheduler runs the day after the due date, only the unanswered debtor gets a reminder
        DunningWorld.runOn(DUE.plusDays(1));
        assertThat(world.published(ReminderDue.class, 1).get(0).invoices()).extracting(i -> i.invoiceNumber())
                .containsExactly("PC-3");

        // and every call is on its case's timeline, by the one who called, once
        List<String> promisedLines = given().when().get("/cases/" + promised.invoiceId().value() + "/timeline").then()
                .body("findAll { it.by == 'm.jansen' }.what", hasItem("Promise to pay by " + DUE.plusDays(5) + "; reminders wait"))
                .extract().jsonPath().getList("what", String.class);
        assertThat(promisedLines).filteredOn(l -> l.startsWith("Phoned the debtor")).singleElement()
                .satisfies(l -> assertThat(l).startsWith("Phoned the debtor (spoke with A. de Bakker (administratie)): promised to pay"));
        given().when().get("/cases/" + disputed.invoiceId().value() + "/timeline").then()
                .body("what", hasItem("Disputed (GOODS_NOT_RECEIVED): " + EventExamples.event(PhoneCallCompleted.class).notes()
                        + "; left out of letters"));
        given().when().get("/cases/" + unanswered.invoiceId().value() + "/timeline").then()
                .body("what", hasItem(org.hamcrest.Matchers.startsWith("Phoned the debtor: not reached — ")));
    }
}
