package nl.tijdig.invoice.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

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
        initArgs = @ResourceArg(name = "database", value = "invoice"))
class CreditorProfileApiTest {

    public static final String PROFILE = """
            {"name": "Schoonmaakbedrijf Helder B.V.",
             "address": {"street": "Stationsplein 1", "postalCode": "3511 ED", "city": "Utrecht", "countryCode": "NL"},
             "kvkNumber": "87654321", "vatId": "NL001234567B01", "iban": "nl91 abna 0417 1643 00", "bic": "ABNANL2A",
             "senderEmail": "debiteuren@helder.nl", "b2bTermDays": 30, "invoiceSeries": "2026"}""";

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000c1"))
    void a_tenant_sets_up_its_profile_and_changes_it() {
        // given no profile yet
        given().when().get("/creditor-profile").then().statusCode(404);

        // when it is set up, then it reads back in normal form
        given().contentType(ContentType.JSON).body(PROFILE).when().put("/creditor-profile")
                .then().statusCode(200).body("iban", is("NL91ABNA0417164300"));
        given().when().get("/creditor-profile").then().statusCode(200)
                .body("name", is("Schoonmaakbedrijf Helder B.V."))
                .body("b2bTermDays", is(30))
                .body("vatDeductible", is(true));

        // and a change replaces it
        given().contentType(ContentType.JSON).body(PROFILE.replace("\"b2bTermDays\": 30", "\"b2bTermDays\": 21"))
                .when().put("/creditor-profile").then().statusCode(200);
        given().when().get("/creditor-profile").then().body("b2bTermDays", is(21));

        // and a creditor that cannot deduct VAT says so (its collection costs will carry VAT)
        given().contentType(ContentType.JSON).body(PROFILE.replace("\"b2bTermDays\": 30", "\"vatDeductible\": false"))
                .when().put("/creditor-profile").then().statusCode(200).body("vatDeductible", is(false));
        given().when().get("/creditor-profile").then().body("vatDeductible", is(false));
        given().contentType(ContentType.JSON).body(PROFILE.replace("\"b2bTermDays\": 30", "\"vatDeductible\": \"no\""))
                .when().put("/creditor-profile").then().statusCode(400).body("errors.field", containsInAnyOrder("vatDeductible"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000c2"))
    void an_incomplete_or_malformed_profile_is_refused_naming_each_field_and_nothing_is_stored() {
        given().contentType(ContentType.JSON)
                .body(PROFILE.replace("\"87654321\"", "\"8765\"").replace("\"NL001234567B01\"", "null"))
                .when().put("/creditor-profile")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("kvkNumber", "vatId"));
        given().when().get("/creditor-profile").then().statusCode(404);
    }
}
