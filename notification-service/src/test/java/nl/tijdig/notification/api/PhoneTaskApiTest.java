package nl.tijdig.notification.api;

import static io.restassured.RestAssured.given;
import static nl.tijdig.notification.api.Events.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.PhoneCallCompleted;
import nl.tijdig.events.PhoneCallDue;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.notification.MailServer;
import nl.tijdig.notification.ProviderServer;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = ProviderServer.class, scope = TestResourceScope.GLOBAL, parallel = true)
class PhoneTaskApiTest {

    static final String TENANT = "0193a6f2-0000-7000-8000-0000000000b4";
    static final String FREE_CALLS = "0193a6f2-0000-7000-8000-0000000000b5";
    static final TenantId T = new TenantId(UUID.fromString(TENANT));

    @Inject
    Pool pool;

    /** The dunning-service's example PhoneCallDue, for the tenant, as a new task of a new case. */
    static PhoneCallDue due(TenantId tenant) {
        PhoneCallDue e = EventExamples.event(PhoneCallDue.class);
        return new PhoneCallDue(tenant, new CaseId(UUID.randomUUID()), UUID.randomUUID(), e.debtor(), e.invoices(), e.totalOpen(),
                e.dueOn(), e.occurredAt());
    }

    void awaitTask(UUID taskId) {
        await().atMost(Events.WAIT).until(() -> given().when().get("/phone-tasks").then().statusCode(200).extract()
                .<List<String>>path("taskId").contains(taskId.toString()));
    }

    @Test
    @TestSecurity(user = "marieke", roles = "collector", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_phone_task_is_claimed_called_and_its_promise_published_for_dunning() {
        // given dunning asked for a call, twice (redelivered)
        PhoneCallDue due = due(T);
        Events.publish(due);
        Events.publish(due);
        awaitTask(due.taskId());
        given().queryParam("status", "OPEN").when().get("/phone-tasks").then().statusCode(200)
                .body("findAll { it.taskId == '" + due.taskId() + "' }.size()", is(1))
                .body("find { it.taskId == '" + due.taskId() + "' }.debtorName", is("Bakkerij De Gouden Korst B.V."))
                .body("find { it.taskId == '" + due.taskId() + "' }.phone", is("+31201234567"))
                .body("find { it.taskId == '" + due.taskId() + "' }.totalOpen.amount", is("589.00"));
        // when marieke claims it
        given().when().post("/phone-tasks/" + due.taskId() + "/claim").then().statusCode(200)
                .body("status", is("CLAIMED")).body("claimedBy", is("marieke"));
        // and reports without the date the debtor promised: refused, nothing changes
        given().contentType(ContentType.JSON).body(Map.of("outcome", "PROMISE"))
                .when().post("/phone-tasks/" + due.taskId() + "/completion").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("promisedBy"));
        given().queryParam("status", "CLAIMED").when().get("/phone-tasks").then().statusCode(200)
                .body("taskId", hasItem(due.taskId().toString()));
        // and then with it
        LocalDate payBy = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(7);
        given().contentType(ContentType.JSON).body(Map.of("outcome", "PROMISE", "promisedBy", payBy.toString(),
                        "spokeWith", "A. de Bakker", "notes", "Betaalt volgende week"))
                .when().post("/phone-tasks/" + due.taskId() + "/completion").then().statusCode(200)
                .body("status", is("DONE"));
        // then dunning hears of the promise, once
        PhoneCallCompleted call = published(T, PhoneCallCompleted.class, 1).get(0);
        assertThat(call.taskId()).isEqualTo(due.taskId());
        assertThat(call.caseId()).isEqualTo(due.caseId());
        assertThat(call.caseIds()).containsExactly(due.caseId());
        assertThat(call.debtorId()).isEqualTo(due.debtor().debtorId());
        assertThat(call.outcome()).isEqualTo(PhoneCallCompleted.Outcome.PROMISE);
        assertThat(call.promisedBy()).isEqualTo(payBy);
        assertThat(call.calledBy()).isEqualTo("marieke");
        assertThat(call.spokeWith()).isEqualTo("A. de Bakker");
        // and the call is in the log of the case; the task cannot be done twice
        given().queryParam("caseId", due.caseId().value().toString()).when().get("/phone-calls").then().statusCode(200)
                .body("size()", is(1)).body("[0].outcome", is("PROMISE")).body("[0].notes", is("Betaalt volgende week"));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "REACHED"))
                .when().post("/phone-tasks/" + due.taskId() + "/completion").then().statusCode(409);
        given().when().post("/phone-tasks/" + due.taskId() + "/claim").then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "marieke", roles = "collector", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_task_claimed_by_someone_else_is_theirs() {
        // given a task piet claimed
        PhoneCallDue due = due(T);
        Events.publish(due);
        awaitTask(due.taskId());
        pool.preparedQuery("UPDATE phone_tasks SET status = 'CLAIMED', claimed_by = 'piet' WHERE task_id = $1")
                .execute(Tuple.of(due.taskId())).await().atMost(Duration.ofSeconds(5));
        // when marieke claims or completes it: 409, and it stays piet's
        given().when().post("/phone-tasks/" + due.taskId() + "/claim").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("piet"));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "NOT_REACHED"))
                .when().post("/phone-tasks/" + due.taskId() + "/completion").then().statusCode(409);
        given().queryParam("status", "CLAIMED").when().get("/phone-tasks").then().statusCode(200)
                .body("find { it.taskId == '" + due.taskId() + "' }.claimedBy", is("piet"));
        given().when().post("/phone-tasks/" + UUID.randomUUID() + "/claim").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "jan", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = FREE_CALLS))
    void a_call_made_without_a_task_is_logged_and_a_dispute_in_it_published() {
        // given dunning wrote to a debtor about two invoices (two cases)
        TenantId tenant = new TenantId(UUID.fromString(FREE_CALLS));
        nl.tijdig.events.ReminderDue one = Events.reminder(tenant, nl.tijdig.events.ReminderDue.Kind.REMINDER, "nl", "calls@debtor.test");
        nl.tijdig.events.ReminderDue two = Events.reminder(tenant, nl.tijdig.events.ReminderDue.Kind.REMINDER, "nl", "calls@debtor.test");
        Events.publish(one);
        Events.publish(two);
        await().atMost(Events.WAIT).until(() -> pool.preparedQuery("SELECT count(*) FROM known_cases WHERE tenant_id = $1")
                .execute(Tuple.of(tenant.value())).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0) == 2);
        UUID debtor = one.debtor().debtorId().value();
        UUID first = one.caseId().value();
        UUID second = two.caseId().value();
        // when jan logs a call in which the debtor disputed two invoices
        given().contentType(ContentType.JSON).body(Map.of("debtorId", debtor.toString(), "caseIds", List.of(first.toString(),
                        second.toString()), "outcome", "DISPUTE", "disputeReason", "GOODS_NOT_RECEIVED", "spokeWith", "de eigenaar"))
                .when().post("/phone-calls").then().statusCode(201).body("calledBy", is("jan")).body("taskId", is((Object) null));
        // then dunning hears of it, keyed by the first case
        PhoneCallCompleted call = published(tenant, PhoneCallCompleted.class, 1).get(0);
        assertThat(call.taskId()).isNull();
        assertThat(call.caseIds()).extracting(CaseId::value).containsExactly(first, second);
        assertThat(call.disputeReason()).isEqualTo(PhoneCallCompleted.DisputeReason.GOODS_NOT_RECEIVED);
        given().queryParam("caseId", second.toString()).when().get("/phone-calls").then().statusCode(200).body("size()", is(1));
        // a report that names nothing, or a reason without a dispute, is refused and logs nothing
        given().contentType(ContentType.JSON).body(Map.of("outcome", "REACHED", "disputeReason", "OTHER"))
                .when().post("/phone-calls").then().statusCode(422)
                .body("errors.field", hasItem("debtorId")).body("errors.field", hasItem("caseIds"))
                .body("errors.field", hasItem("disputeReason"));
        given().contentType(ContentType.JSON).body(Map.of("debtorId", debtor.toString(), "caseIds", List.of(first.toString()),
                        "outcome", "CALLED_BACK", "calledAt", "2030-01-01T00:00:00Z"))
                .when().post("/phone-calls").then().statusCode(422)
                .body("errors.field", hasItem("outcome")).body("errors.field", hasItem("calledAt"));
        // a case the service does not know for this debtor is refused too
        given().contentType(ContentType.JSON).body(Map.of("debtorId", UUID.randomUUID().toString(), "caseIds",
                        List.of(first.toString()), "outcome", "REACHED"))
                .when().post("/phone-calls").then().statusCode(422).body("errors.field", hasItem("caseIds"));
        given().contentType(ContentType.JSON).body(Map.of("debtorId", debtor.toString(), "caseIds",
                        List.of(UUID.randomUUID().toString()), "outcome", "REACHED"))
                .when().post("/phone-calls").then().statusCode(422).body("errors.field", hasItem("caseIds"));
        given().when().get("/phone-calls").then().statusCode(200).body("size()", is(1));
    }
}
