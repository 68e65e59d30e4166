package nl.tijdig.invoice.api;

import static io.restassured.RestAssured.given;
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

/** What any caller is refused before the domain sees a request (OWASP API3, API4, API5). */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "invoice"))
class ApiGuardsTest {

    static final String TENANT = "0193a6f2-0000-7000-8000-0000000000f1";

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_body_over_the_limit_is_a_413_problem_before_it_is_read() {
        byte[] huge = new byte[3 * 1024 * 1024];
        given().contentType(ContentType.XML).body(huge).when().post("/invoices/ubl").then().statusCode(413)
                .contentType("application/problem+json").body("type", is("https://tijdig.nl/problems/too-large"));
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_field_the_server_owns_cannot_be_set_and_is_named() {
        String withTenant = DebtorApiTest.BAKERY.replace("{\"kind\"",
                "{\"tenantId\": \"0193a6f2-0000-7000-8000-0000000000aa\", \"kind\"");
        given().contentType(ContentType.JSON).body(withTenant).when().post("/debtors").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("tenantId"))
                .body("errors[0].message", is("is not a field of this request"));
        String withStatus = InvoiceApiTest.invoice("0193a6f2-0000-7000-8000-0000000000bb")
                .replace("{\"debtorId\"", "{\"status\": \"PAID\", \"debtorId\"");
        given().contentType(ContentType.JSON).body(withStatus).when().post("/invoices").then().statusCode(400)
                .body("errors[0].field", is("status"));
    }

    @Test
    @TestSecurity(user = "clerk", roles = "collector", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_collector_reads_but_does_not_issue_or_register() {
        given().when().get("/invoices").then().statusCode(200);
        given().contentType(ContentType.JSON).body(DebtorApiTest.BAKERY).when().post("/debtors").then().statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(InvoiceApiTest.invoice("0193a6f2-0000-7000-8000-0000000000bb"))
                .when().post("/invoices").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void an_integrator_does_not_change_the_creditor_profile() {
        given().contentType(ContentType.JSON).body(CreditorProfileApiTest.PROFILE).when().put("/creditor-profile")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = "not-a-uuid"))
    void a_tenant_claim_that_is_not_a_uuid_is_refused() {
        given().when().get("/invoices").then().statusCode(403);
    }
}
