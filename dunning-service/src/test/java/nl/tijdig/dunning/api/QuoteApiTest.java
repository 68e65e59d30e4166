package nl.tijdig.dunning.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
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
        // the official history from 2013 (V1_13_0), every half year
        given().when().get("/interest-rates").then().statusCode(200).body("[0].from", is("2013-01-01"))
                .body("[0].commercial", is(7.75f)).body("", hasSize(28));
        given().contentType(ContentType.JSON).body("""
                [{"from": "2026-01-01", "consumer": "4", "commercial": "10.15"},
                 {"from": "2026-01-01", "consumer": "-1", "commercial": "99"}]""")
                .when().put("/admin/interest-rates").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("[1].from", "[1].consumer", "[1].commercial"));
        given().contentType(ContentType.JSON).body("""
                {"consumer": "-1"}""")
                .when().put("/admin/interest-rates/2026-07-01").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("consumer", "commercial"));
        given().when().get("/interest-rates").then().body("", hasSize(28));
    }

    @Test
    @TestSecurity(user = "operator", roles = {"operator", "integrator"}, attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void interest_past_the_table_is_provisional_until_the_operator_adds_the_half_year() {
        // given the table ends with the half year from 2026-01-01 (it covers through 2026-06-30)
        String quote = """
                {"principal": "1000.00", "segment": "B2B", "dueDate": "2026-05-31", "through": "2026-07-31"}""";
        given().contentType(ContentType.JSON).body(quote).when().post("/quotes").then().statusCode(200)
                .body("provisional", is(true));
        try {
            // when the operator adds the half year from 2026-07-01
            given().contentType(ContentType.JSON).body("""
                    {"consumer": "4", "commercial": "10.15"}""")
                    .when().put("/admin/interest-rates/2026-07-01").then().statusCode(200)
                    .body("[-1].from", is("2026-07-01"));
            // then the quote is final
            given().contentType(ContentType.JSON).body(quote).when().post("/quotes").then().statusCode(200)
                    .body("provisional", is(false));
        } finally {
            given().contentType(ContentType.JSON).body(given().when().get("/interest-rates").then().extract().jsonPath()
                    .getList("findAll { it.from != '2026-07-01' }")).when().put("/admin/interest-rates").then().statusCode(200);
        }
        // and a claim due before the table starts is a 422 naming the date, not a 500
        given().contentType(ContentType.JSON).body("""
                {"principal": "1000.00", "segment": "B2B", "dueDate": "2010-05-31", "through": "2014-07-31"}""")
                .when().post("/quotes").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", is("dueDate")).body("errors[0].message", containsString("2013-01-01"));
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_claim_from_2015_gets_the_rates_of_its_time() {
        // €1,000 due 2015-06-30, interest through 2015-12-31: 6:119a at 8.05 % (ECB 0.05 % + 8), one year not reached
        given().contentType(ContentType.JSON).body("""
                {"principal": "1000.00", "segment": "B2B", "dueDate": "2015-06-30", "through": "2015-12-31"}""")
                .when().post("/quotes").then().statusCode(200)
                .body("interestPeriods", hasSize(1))
                .body("interestPeriods[0].ratePercent", is(8.05f))
                .body("interestPeriods[0].days", is(184))
                .body("interest.amount", is("40.58"))
                .body("provisional", is(false));
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void an_integrator_does_not_change_the_rates() {
        given().contentType(ContentType.JSON).body("[]").when().put("/admin/interest-rates").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "operator", roles = {"operator", "integrator"}, attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_day_the_operator_makes_equal_to_a_holiday_moves_the_14_dagenbrief_deadline() {
        // given a 14-dagenbrief posted on Tuesday 8 December 2026: received Thursday 10, 14 days: Thursday 24 December
        String quote = """
                {"principal": "100.00", "segment": "B2C", "dueDate": "2026-10-31", "through": "2026-12-08",
                 "letterSentOn": "2026-12-08", "delivery": "POST"}""";
        given().contentType(ContentType.JSON).body(quote).when().post("/quotes").then().statusCode(200)
                .body("deadline", is("2026-12-24"));
        try {
            // when the operator makes 24 December equal to a holiday (Algemene termijnenwet art. 3 lid 3)
            given().contentType(ContentType.JSON).body("""
                    {"name": "Kerstavond (gelijkgesteld)"}""")
                    .when().put("/admin/holidays/2026-12-24").then().statusCode(200).body("equal", is(true));
            // then the term runs past Christmas and the Sunday to Monday 28 December, and the day is listed
            given().contentType(ContentType.JSON).body(quote).when().post("/quotes").then().statusCode(200)
                    .body("deadline", is("2026-12-28"));
            given().when().get("/holidays?year=2026").then().statusCode(200)
                    .body("findAll { it.equal }.date", contains("2026-12-24"))
                    .body("name", hasItem("Hemelvaartsdag"));
        } finally {
            given().when().delete("/admin/holidays/2026-12-24").then().statusCode(204);
        }
        given().when().delete("/admin/holidays/2026-12-24").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{}").when().put("/admin/holidays/2026-12-31").then().statusCode(422)
                .body("errors.field", contains("name"));
        given().contentType(ContentType.JSON).body("""
                {"name": "x"}""").when().put("/admin/holidays/2026-13-01").then().statusCode(400);
        given().contentType(ContentType.JSON).body(quote).when().post("/quotes").then().body("deadline", is("2026-12-24"));
    }
}
