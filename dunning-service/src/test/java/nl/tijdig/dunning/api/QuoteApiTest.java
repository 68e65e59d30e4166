package nl.tijdig.dunning.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "dunning"))
class QuoteApiTest {

    static final String TENANT = "0193a6f2-0000-7000-8000-0000000000f1";

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_business_claim_gets_the_staffel_costs_and_commercial_interest_per_period() {
        given().contentType(ContentType.JSON).body("""
                {"principal": "1000.00", "segment": "B2B", "dueDate": "2024-05-31", "through": "2024-07-31"}""")
                .when().post("/quotes").then().statusCode(200)
                .body("collectionCosts.amount", is("150.00"))
                .body("interestKind", is("COMMERCIAL"))
                .body("interestFrom", is("2024-06-01"))
                .body("interestPeriods", hasSize(2))
                .body("interestPeriods[0].ratePercent", is(12.5f))
                .body("interestPeriods[1].days", is(31))
                .body("interest.amount", is("20.67"))
                .body("total.amount", is("1170.67"))
                .body("deadline", nullValue());
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_consumer_claim_gets_the_14_dagenbrief_deadline_and_costs_with_vat_when_not_reclaimable() {
        given().contentType(ContentType.JSON).body("""
                {"principal": "100.00", "segment": "B2C", "dueDate": "2026-10-31", "through": "2026-11-19",
                 "letterSentOn": "2026-11-19", "delivery": "POST", "costsVatPercent": 21}""")
                .when().post("/quotes").then().statusCode(200)
                .body("collectionCosts.amount", is("48.40"))
                .body("interestKind", is("CONSUMER"))
                .body("deadline", is("2026-12-07"));
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_bad_quote_request_names_every_field() {
        given().contentType(ContentType.JSON).body("""
                {"principal": "-5", "currency": "XYZ", "letterSentOn": "2026-11-19", "delivery": "EMAIL"}""")
                .when().post("/quotes").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("principal", "currency", "segment", "dueDate", "delivery"));
    }

    @Test
    @TestSecurity(user = "operator", roles = "operator")
    void the_operator_keeps_the_rate_table() {
        given().when().get("/interest-rates").then().statusCode(200).body("[0].from", is("2023-01-01"));
        given().contentType(ContentType.JSON).body("""
                [{"from": "2026-01-01", "consumer": "4", "commercial": "10.15"},
                 {"from": "2026-01-01", "consumer": "-1", "commercial": "99"}]""")
                .when().put("/admin/interest-rates").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("[1].from", "[1].consumer", "[1].commercial"));
        given().when().get("/interest-rates").then().body("", hasSize(7));
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void an_integrator_does_not_change_the_rates() {
        given().contentType(ContentType.JSON).body("[]").when().put("/admin/interest-rates").then().statusCode(403);
    }
}
