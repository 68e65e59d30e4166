package nl.tijdig.collection.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.tijdig.collection.store.Intake;
import nl.tijdig.events.CollectionCaseClosed;
import nl.tijdig.events.CollectionCaseUpdated;
import nl.tijdig.events.CollectionPaymentReported;
import nl.tijdig.events.EscalatedToCollection;
import nl.tijdig.events.EventCatalogue;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.EventJson;
import nl.tijdig.kernel.StandardWebhooks;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "collection"))
class AgencyConnectorTest {

    static final String STORY = "0193a6f2-0000-7000-8000-0000000000e1";
    static final String RETRIES = "0193a6f2-0000-7000-8000-0000000000e2";
    static final String REFUSED = "0193a6f2-0000-7000-8000-0000000000e3";
    static final String BREAKER = "0193a6f2-0000-7000-8000-0000000000e4";
    static final String ROTATION = "0193a6f2-0000-7000-8000-0000000000e5";
    static final String RECALL = "0193a6f2-0000-7000-8000-0000000000e6";
    static final String WALL_CLOCK = "0193a6f2-0000-7000-8000-0000000000e7";

    @jakarta.inject.Inject
    java.time.Clock clock;

    @org.junit.jupiter.api.AfterEach
    void clockBack() {
        ((nl.tijdig.runtime.clock.MovableClock) clock).reset();
    }

    /** Tenant's agency at the server; the answer holds the callback secret. */
    static JsonPath agency(PartnerServer server) {
        return given().contentType(ContentType.JSON).body(Map.of("name", "Incassobureau Noord B.V.", "kind", "REST_AGENCY", "priority", 1,
                        "baseUrl", server.url(), "apiKey", "agency-key-1"))
                .when().post("/partners").then().statusCode(201).body("partner.apiKeySet", is(true))
                .extract().jsonPath();
    }

    /** A tenant's agency at the server, and a case of the tenant escalated and submitted to it. */
    record Submitted(String partnerId, String callbackSecret, String caseId) {
    }

    static Submitted submitted(PartnerServer server, String tenant) {
        JsonPath created = agency(server);
        String id = Intake.collectionCaseId(escalate(tenant)).toString();
        await().atMost(Events.WAIT).until(() -> "SUBMITTED".equals(status(id)));
        return new Submitted(created.getString("partner.partnerId"), created.getString("callbackSecret"), id);
    }

    static EscalatedToCollection escalate(String tenant) {
        EscalatedToCollection escalation = Events.example(EscalatedToCollection.class, Map.of("tenantId", tenant,
                "caseId", UUID.randomUUID().toString()));
        Events.publish(escalation);
        return escalation;
    }

    /** A callback as the agency sends it, signed with the secret at a moment (its webhook id new unless given). */
    static Response callback(String partnerId, String secret, String body, String messageId, Instant at) {
        long timestamp = at.getEpochSecond();
        return given().contentType(ContentType.JSON).header("webhook-id", messageId).header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", StandardWebhooks.sign(secret, messageId, timestamp, body.getBytes(StandardCharsets.UTF_8)))
                .body(body).when().post("/callbacks/" + partnerId + "/status");
    }

    static Response callback(String partnerId, String secret, String body) {
        return callback(partnerId, secret, body, "msg_" + UUID.randomUUID(), Instant.now());
    }

    static String status(String collectionCase) {
        return given().when().get("/collection-cases/" + collectionCase).then().extract().path("collectionCase.status");
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = STORY))
    void a_case_is_handed_over_with_its_dossier_and_the_agencys_signed_callbacks_tell_the_rest() throws Exception {
        TenantId tenant = new TenantId(UUID.fromString(STORY));
        try (PartnerServer server = new PartnerServer()) {
            // given the tenant's agency, reached over its REST API
            JsonPath created = agency(server);
            String partnerId = created.getString("partner.partnerId");
            String secret = created.getString("callbackSecret");
            assertThat(secret).startsWith("whsec_");
            assertThat(given().when().get("/partners/" + partnerId).then().extract().asString()).doesNotContain("agency-key-1", "whsec_");
            // when dunning escalates a claim
            EscalatedToCollection escalation = escalate(STORY);
            String id = Intake.collectionCaseId(escalation).toString();
            // then the agency gets the case once, with its key, the case as idempotency key, and the whole dossier
            await().atMost(Events.WAIT).until(() -> "SUBMITTED".equals(status(id)));
            assertThat(server.received()).hasSize(1);
            PartnerServer.Received request = server.received().get(0);
            assertThat(request.path()).isEqualTo("/api/cases");
            assertThat(request.headers()).containsEntry("authorization", "Bearer agency-key-1").containsEntry("idempotency-key", id);
            JsonNode sent = EventJson.mapper().readTree(request.body());
            assertThat(sent.path("caseReference").asText()).isEqualTo(id);
            assertThat(sent.path("callbackPath").asText()).isEqualTo("/callbacks/" + partnerId + "/status");
            ObjectNode expected = (ObjectNode) EventExamples.tree(EventCatalogue.standard().of(EscalatedToCollection.class));
            expected.put("tenantId", STORY).put("caseId", escalation.caseId().toString());
            JsonNode dossier = sent.path("dossier");
            expected.fieldNames().forEachRemaining(field -> assertThat(dossier.get(field)).as("dossier." + field).isEqualTo(expected.get(field)));
            CollectionCaseUpdated submitted = Events.published(tenant, CollectionCaseUpdated.class, 1).get(0);
            assertThat(submitted.status()).isEqualTo(CollectionCaseUpdated.Status.SUBMITTED);
            assertThat(submitted.partnerReference()).isEqualTo("INC-2026-004711");

            // when the agency accepts and works the case
            callback(partnerId, secret, "{\"caseReference\": \"" + id + "\", \"status\": \"ACCEPTED\", \"note\": \"Dossier compleet\"}")
                    .then().statusCode(200).body("status", is("ACCEPTED"));
            callback(partnerId, secret, "{\"caseReference\": \"" + id + "\", \"status\": \"IN_PROGRESS\"}").then().statusCode(200)
                    .body("status", is("IN_PROGRESS"));
            // and reports money collected (as in the contract example), the same message twice
            String paid = """
                    {"caseReference": "%s", "status": "PAYMENT_COLLECTED", "reportId": "0193a6f2-6666-7666-8666-000000000101",
                     "amount": {"amount": "300.00", "currency": "EUR"}, "agencyCosts": {"amount": "75.00", "currency": "EUR"},
                     "valueDate": "2026-12-14", "invoices": [
                       {"invoiceId": "0193a6f2-1111-7111-8111-000000000001", "amount": {"amount": "242.00", "currency": "EUR"}},
                       {"invoiceId": "0193a6f2-1111-7111-8111-000000000002", "amount": {"amount": "58.00", "currency": "EUR"}}]}"""
                    .formatted(id);
            callback(partnerId, secret, paid, "msg_paid", Instant.now()).then().statusCode(200).body("duplicate", is(false));
            callback(partnerId, secret, paid, "msg_paid", Instant.now()).then().statusCode(200).body("duplicate", is(true));
            // then one CollectionPaymentReported, as the payment-service's contract example has it
            CollectionPaymentReported reported = Events.published(tenant, CollectionPaymentReported.class, 1).get(0);
            CollectionPaymentReported example = EventExamples.event(CollectionPaymentReported.class);
            assertThat(reported.collectionCaseId()).isEqualTo(UUID.fromString(id));
            assertThat(reported.reportId()).isEqualTo(example.reportId());
            assertThat(reported.partner()).isEqualTo(example.partner());
            assertThat(reported.debtorId()).isEqualTo(example.debtorId());
            assertThat(reported.amount()).isEqualTo(example.amount());
            assertThat(reported.valueDate()).isEqualTo(example.valueDate());
            assertThat(reported.invoices()).isEqualTo(example.invoices());
            assertThat(reported.agencyCosts()).isEqualTo(example.agencyCosts());

            // and forged, replayed, stale or unreadable callbacks change nothing
            String closing = "{\"caseReference\": \"" + id + "\", \"status\": \"CLOSED\", \"reason\": \"Debiteur failliet\"}";
            callback(partnerId, "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]), closing).then().statusCode(401)
                    .contentType("application/problem+json");
            callback(partnerId, secret, closing, "msg_old", Instant.now().minusSeconds(600)).then().statusCode(401);
            given().contentType(ContentType.JSON).body(closing).when().post("/callbacks/" + partnerId + "/status").then().statusCode(401);
            callback(UUID.randomUUID().toString(), secret, closing).then().statusCode(404);
            callback(partnerId, secret, "{\"caseReference\": \"" + id + "\", \"status\": \"DONE\"}").then().statusCode(422)
                    .body("errors.field", hasItem("status"));
            callback(partnerId, secret, "{\"caseReference\": \"" + UUID.randomUUID() + "\", \"status\": \"CLOSED\"}").then().statusCode(404);
            callback(partnerId, secret, "{\"caseReference\": \"" + id + "\", \"status\": \"REJECTED\", \"reason\": \"te laat\"}")
                    .then().statusCode(409).body("errors.field", hasItem("status"));
            assertThat(status(id)).isEqualTo("IN_PROGRESS");

            // when the agency closes the case
            callback(partnerId, secret, closing).then().statusCode(200).body("status", is("CLOSED"));
            // then it is closed by the partner, with what was collected
            CollectionCaseClosed closed = Events.published(tenant, CollectionCaseClosed.class, 1).get(0);
            assertThat(closed.outcome()).isEqualTo(CollectionCaseClosed.Outcome.CLOSED_BY_PARTNER);
            assertThat(closed.collected()).isEqualTo(example.amount());
            given().when().get("/collection-cases/" + id).then().body("history.type", hasItem("nl.tijdig.collection.CollectionPaymentReported.v1"))
                    .body("history.size()", is(6)).body("collectionCase.collected.amount", is("300.00"));
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = RETRIES))
    void an_agency_that_is_down_or_slow_gets_the_case_when_it_is_back_under_the_same_idempotency_key() {
        try (PartnerServer server = new PartnerServer()) {
            // given an agency that answers 503, then too slowly (tests time out after 3 s), then 201
            server.answerNext(503).delayNext(0L, 4000L);
            agency(server);
            String id = Intake.collectionCaseId(escalate(RETRIES)).toString();
            await().atMost(Events.WAIT).until(() -> "SUBMITTED".equals(status(id)));
            assertThat(server.received()).hasSize(3).extracting(r -> r.headers().get("idempotency-key")).containsOnly(id);
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = REFUSED))
    void a_refused_hand_over_fails_at_once_and_one_that_keeps_failing_after_its_attempts() {
        TenantId tenant = new TenantId(UUID.fromString(REFUSED));
        try (PartnerServer server = new PartnerServer()) {
            server.answerNext(422);
            agency(server);
            String refused = Intake.collectionCaseId(escalate(REFUSED)).toString();
            await().atMost(Events.WAIT).until(() -> "HAND_OVER_FAILED".equals(status(refused)));
            assertThat(server.received()).hasSize(1);
            // an agency that stays down: given up after the tests' 3 attempts
            server.answerAlways(503);
            String down = Intake.collectionCaseId(escalate(REFUSED)).toString();
            await().atMost(Events.WAIT).until(() -> "HAND_OVER_FAILED".equals(status(down)));
            assertThat(server.received()).hasSize(4);
            List<CollectionCaseUpdated> failed = Events.published(tenant, CollectionCaseUpdated.class, 2);
            assertThat(failed).extracting(CollectionCaseUpdated::status).containsOnly(CollectionCaseUpdated.Status.HAND_OVER_FAILED);
            assertThat(failed).extracting(CollectionCaseUpdated::note).anyMatch(n -> n.startsWith("HTTP 422"))
                    .anyMatch(n -> n.contains("after 3 attempts"));
            given().when().get("/collection-cases?status=HAND_OVER_FAILED").then().statusCode(200).body("size()", is(2));
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = BREAKER))
    void an_agency_that_keeps_failing_is_left_alone_for_a_while_and_a_failed_hand_over_is_tried_again_on_request() throws Exception {
        try (PartnerServer server = new PartnerServer()) {
            // given an agency that is down: a case fails its 3 attempts, which opens the agency's circuit (tests: 3 in a row)
            server.answerAlways(503);
            agency(server);
            String first = Intake.collectionCaseId(escalate(BREAKER)).toString();
            await().atMost(Events.WAIT).until(() -> "HAND_OVER_FAILED".equals(status(first)));
            assertThat(server.received()).hasSize(3);
            // when another case opens while the circuit is open, the agency is not called
            String second = Intake.collectionCaseId(escalate(BREAKER)).toString();
            await().atMost(Events.WAIT).until(() -> "OPENED".equals(status(second)));
            Thread.sleep(1000);
            assertThat(server.received()).hasSize(3);
            // when the agency is back, the waiting case goes over at the first call after the pause, its attempts intact
            server.answerAlways(201);
            await().atMost(Events.WAIT).until(() -> "SUBMITTED".equals(status(second)));
            assertThat(server.received()).hasSize(4).last().satisfies(r -> assertThat(r.headers()).containsEntry("idempotency-key", second));
            // and the failed case is handed over when the creditor asks for it
            given().when().post("/collection-cases/" + second + "/hand-over-retry").then().statusCode(409)
                    .body("errors.field", hasItem("status"));
            given().when().post("/collection-cases/" + first + "/hand-over-retry").then().statusCode(202)
                    .body("collectionCase.status", is("HAND_OVER_FAILED"));
            await().atMost(Events.WAIT).until(() -> "SUBMITTED".equals(status(first)));
            assertThat(server.received()).hasSize(5).last().satisfies(r -> assertThat(r.headers()).containsEntry("idempotency-key", first));
            given().when().post("/collection-cases/" + UUID.randomUUID() + "/hand-over-retry").then().statusCode(404);
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = WALL_CLOCK))
    void a_callback_is_checked_against_the_wall_clock_whatever_the_business_clock_says() {
        try (PartnerServer server = new PartnerServer()) {
            Submitted submitted = submitted(server, WALL_CLOCK);
            String partnerId = submitted.partnerId();
            String secret = submitted.callbackSecret();
            String id = submitted.caseId();
            // given the business clock moved eleven days ahead (as the demo and the operator may)
            Instant businessNow = Instant.now().plus(java.time.Duration.ofDays(11));
            ((nl.tijdig.runtime.clock.MovableClock) clock).moveTo(businessNow);
            // when the agency calls back stamped with the business time, it is refused: replay protection is transport time
            callback(partnerId, secret, "{\"caseReference\": \"" + id + "\", \"status\": \"ACCEPTED\"}", "msg_" + UUID.randomUUID(),
                    businessNow).then().statusCode(401).contentType("application/problem+json");
            assertThat(status(id)).isEqualTo("SUBMITTED");
            // and stamped with its own (wall) clock, it is taken
            callback(partnerId, secret, "{\"caseReference\": \"" + id + "\", \"status\": \"ACCEPTED\"}").then().statusCode(200);
            assertThat(status(id)).isEqualTo("ACCEPTED");
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = ROTATION))
    void a_rotated_callback_secret_verifies_and_the_previous_one_until_the_overlap_ends() {
        try (PartnerServer server = new PartnerServer()) {
            Submitted submitted = submitted(server, ROTATION);
            String partnerId = submitted.partnerId();
            String old = submitted.callbackSecret();
            String id = submitted.caseId();
            // when the tenant rotates the partner's callback secret
            JsonPath rotated = given().when().post("/partners/" + partnerId + "/callback-secret-rotation").then().statusCode(200)
                    .extract().jsonPath();
            String secret = rotated.getString("callbackSecret");
            assertThat(secret).startsWith("whsec_").isNotEqualTo(old);
            assertThat(Instant.parse(rotated.getString("previousValidUntil"))).isAfter(Instant.now().plus(java.time.Duration.ofHours(23)));
            // then callbacks under the new secret and, during the overlap, the old one verify; another does not
            callback(partnerId, secret, "{\"caseReference\": \"" + id + "\", \"status\": \"ACCEPTED\"}").then().statusCode(200);
            callback(partnerId, old, "{\"caseReference\": \"" + id + "\", \"status\": \"IN_PROGRESS\"}").then().statusCode(200);
            callback(partnerId, StandardWebhooks.newSecret(), "{\"caseReference\": \"" + id + "\", \"status\": \"CLOSED\"}")
                    .then().statusCode(401);
            assertThat(status(id)).isEqualTo("IN_PROGRESS");
            // and another tenant's or no partner cannot be rotated
            given().when().post("/partners/" + UUID.randomUUID() + "/callback-secret-rotation").then().statusCode(404);
            assertThat(given().when().get("/partners/" + partnerId).then().extract().asString()).doesNotContain(secret, old);
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = RECALL))
    void the_agency_is_told_of_a_recall_and_a_case_recalled_before_its_hand_over_never_reaches_it() throws Exception {
        try (PartnerServer server = new PartnerServer()) {
            agency(server);
            // given a case the agency has
            String handed = Intake.collectionCaseId(escalate(RECALL)).toString();
            await().atMost(Events.WAIT).until(() -> "SUBMITTED".equals(status(handed)));
            // when the creditor recalls it
            given().contentType(ContentType.JSON).body(Map.of("reason", "Debiteur betaalt rechtstreeks")).when()
                    .post("/collection-cases/" + handed + "/recall").then().statusCode(200).body("collectionCase.outcome", is("RECALLED"));
            // then the agency is told, once, under its own idempotency key
            await().atMost(Events.WAIT).until(() -> server.received().size() == 2);
            PartnerServer.Received told = server.received().get(1);
            assertThat(told.path()).isEqualTo("/api/cases/" + handed + "/recall");
            assertThat(told.headers()).containsEntry("idempotency-key", "recall-" + handed).containsEntry("authorization", "Bearer agency-key-1");
            assertThat(EventJson.mapper().readTree(told.body()).path("reason").asText()).isEqualTo("Debiteur betaalt rechtstreeks");
            await().atMost(Events.WAIT).until(() -> "DONE".equals(given().when().get("/collection-cases/" + handed).then()
                    .extract().path("notices[0].status")));
            given().when().get("/collection-cases/" + handed).then().body("notices[0].kind", is("RECALL")).body("notices[0].attempts", is(1));

            // given a case whose hand-over failed once and waits for its next attempt
            server.answerNext(503);
            String waiting = Intake.collectionCaseId(escalate(RECALL)).toString();
            await().atMost(Events.WAIT).until(() -> server.received().size() == 3);
            // when it is recalled before the next attempt
            given().contentType(ContentType.JSON).body(Map.of("reason", "Toch zelf")).when()
                    .post("/collection-cases/" + waiting + "/recall").then().statusCode(200);
            // then the agency never gets it, nor a recall of it
            Thread.sleep(5000);
            assertThat(server.received()).hasSize(3);
            assertThat(status(waiting)).isEqualTo("CLOSED");

            // given a case the agency is taking its time over (2 s), when it is recalled meanwhile
            server.delayNext(2000L);
            String slow = Intake.collectionCaseId(escalate(RECALL)).toString();
            await().atMost(Events.WAIT).until(() -> server.received().size() == 4);
            given().contentType(ContentType.JSON).body(Map.of("reason", "Net te laat")).when()
                    .post("/collection-cases/" + slow + "/recall").then().statusCode(200);
            // then the agency, having taken it, is told of the recall
            await().atMost(Events.WAIT).until(() -> server.received().size() == 5);
            assertThat(server.received().get(4).path()).isEqualTo("/api/cases/" + slow + "/recall");
        }
    }
}
