package nl.tijdig.collection.api;

import static io.restassured.RestAssured.given;
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
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import nl.tijdig.collection.store.Intake;
import nl.tijdig.events.CollectionCaseClosed;
import nl.tijdig.events.CollectionCaseOpened;
import nl.tijdig.events.EscalatedToCollection;
import nl.tijdig.events.EventExamples;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "collection"))
class CollectionIntakeTest {

    static final String OPENS = "0193a6f2-0000-7000-8000-0000000000d1";
    static final String WAITS = "0193a6f2-0000-7000-8000-0000000000d2";
    static final String PARTNERS = "0193a6f2-0000-7000-8000-0000000000d3";

    static final Map<String, Object> NOORD = Map.of("name", "Incassobureau Noord B.V.", "kind", "CSV_AGENCY", "priority", 1);

    static String partner(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/partners").then().statusCode(201)
                .extract().path("partner.partnerId");
    }

    static EscalatedToCollection escalation(String tenant) {
        return Events.example(EscalatedToCollection.class, Map.of("tenantId", tenant, "caseId", UUID.randomUUID().toString()));
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = OPENS))
    void an_escalation_opens_one_case_at_the_tenants_agency_with_the_whole_dossier_and_the_creditor_can_recall_it() {
        TenantId tenant = new TenantId(UUID.fromString(OPENS));
        // given the tenant's agency
        String agency = partner(NOORD);
        // when dunning escalates a claim (its contract example), delivered twice
        EscalatedToCollection escalation = escalation(OPENS);
        Events.publish(escalation);
        Events.publish(escalation);
        // then one collection case is opened at the agency, with the dossier's invoices and claim
        CollectionCaseOpened opened = Events.published(tenant, CollectionCaseOpened.class, 1).get(0);
        CollectionCaseOpened example = EventExamples.event(CollectionCaseOpened.class);
        assertThat(opened.collectionCaseId()).isEqualTo(Intake.collectionCaseId(escalation));
        assertThat(opened.caseId()).isEqualTo(escalation.caseId());
        assertThat(opened.partnerId()).isEqualTo(UUID.fromString(agency));
        assertThat(opened.partner()).isEqualTo(example.partner());
        assertThat(opened.debtorId()).isEqualTo(example.debtorId());
        assertThat(opened.invoices()).isEqualTo(example.invoices());
        assertThat(opened.totalClaim()).isEqualTo(example.totalClaim());
        String id = opened.collectionCaseId().toString();
        // and handed over in the batch-file agency's case file of the day
        await().atMost(Events.WAIT).until(() -> "SUBMITTED".equals(given().when().get("/collection-cases/" + id).then()
                .extract().path("collectionCase.status")));
        given().when().get("/collection-cases").then().statusCode(200).body("size()", is(1))
                .body("[0].status", is("SUBMITTED")).body("[0].debtorName", is("Bakkerij De Gouden Korst B.V."))
                .body("[0].totalClaim.amount", is("1113.07"));
        given().when().get("/collection-cases/" + id).then().statusCode(200)
                .body("history.size()", is(2)).body("history[0].type", is("nl.tijdig.collection.CollectionCaseOpened.v1"));
        // when the creditor recalls it
        given().contentType(ContentType.JSON).body(Map.of("reason", "Debiteur heeft rechtstreeks betaald"))
                .when().post("/collection-cases/" + id + "/recall").then().statusCode(200)
                .body("collectionCase.status", is("CLOSED")).body("collectionCase.outcome", is("RECALLED"))
                .body("history.size()", is(3));
        // then the case is closed once, RECALLED
        CollectionCaseClosed closed = Events.published(tenant, CollectionCaseClosed.class, 1).get(0);
        assertThat(closed.outcome()).isEqualTo(CollectionCaseClosed.Outcome.RECALLED);
        given().contentType(ContentType.JSON).body(Map.of("reason", "nogmaals")).when().post("/collection-cases/" + id + "/recall")
                .then().statusCode(200).body("history.size()", is(3));
        // and bad input or an unknown case changes nothing
        given().contentType(ContentType.JSON).body("{}").when().post("/collection-cases/" + id + "/recall").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).when().post("/collection-cases/" + UUID.randomUUID() + "/recall")
                .then().statusCode(404);
        given().when().get("/collection-cases?status=LOST&limit=0").then().statusCode(422).body("errors.field", hasItem("status"))
                .body("errors.field", hasItem("limit"));
        // and the agency, having a case, is not deleted
        given().when().delete("/partners/" + agency).then().statusCode(409).body("errors.field", hasItem("active"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = WAITS))
    void an_escalation_waits_for_a_partner_that_takes_it() throws Exception {
        TenantId tenant = new TenantId(UUID.fromString(WAITS));
        // given no partner, an escalation of a business debtor's claim of € 1.113,07
        Events.publish(escalation(WAITS));
        Thread.sleep(Duration.ofSeconds(3));
        given().when().get("/collection-cases").then().statusCode(200).body("size()", is(0));
        // when a consumer-only agency and one for claims from € 5.000 are saved, it still waits
        partner(Map.of("name", "Consumentenincasso", "kind", "CSV_AGENCY", "segment", "B2C"));
        partner(Map.of("name", "Grote Vorderingen", "kind", "CSV_AGENCY", "minClaim", Map.of("amount", "5000.00", "currency", "EUR")));
        Thread.sleep(Duration.ofSeconds(2));
        given().when().get("/collection-cases").then().statusCode(200).body("size()", is(0));
        // when an agency for business claims below € 2.500 is saved, the claim goes there
        String small = partner(Map.of("name", "Klein Zakelijk", "kind", "CSV_AGENCY", "segment", "B2B",
                "maxClaim", Map.of("amount", "2500.00", "currency", "EUR")));
        CollectionCaseOpened opened = Events.published(tenant, CollectionCaseOpened.class, 1).get(0);
        assertThat(opened.partnerId()).isEqualTo(UUID.fromString(small));
        given().when().get("/collection-cases").then().body("[0].partner", is("Klein Zakelijk"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = PARTNERS))
    void partners_are_checked_field_by_field_changed_and_removed() {
        given().contentType(ContentType.JSON).body(Map.of("name", " ", "kind", "COURIER", "segment", "B2X", "priority", 5000))
                .when().post("/partners").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("kind")).body("errors.field", hasItem("segment"))
                .body("errors.field", hasItem("priority"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Noord", "kind", "REST_AGENCY")).when().post("/partners").then()
                .statusCode(422).body("errors.field", hasItem("baseUrl"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Noord", "kind", "REST_AGENCY", "baseUrl", "http://169.254.169.254/latest"))
                .when().post("/partners").then().statusCode(422).body("errors[0].message", org.hamcrest.Matchers.containsString("public"));
        given().when().get("/partners").then().statusCode(200).body("size()", is(0));
        String id = partner(NOORD);
        given().contentType(ContentType.JSON).body(Map.of("name", "Incassobureau Noord", "kind", "CSV_AGENCY", "active", false))
                .when().put("/partners/" + id).then().statusCode(200).body("active", is(false)).body("priority", is(100));
        given().when().get("/partners/" + id).then().statusCode(200).body("name", is("Incassobureau Noord"));
        given().when().delete("/partners/" + id).then().statusCode(204);
        given().when().get("/partners/" + id).then().statusCode(404);
    }
}
