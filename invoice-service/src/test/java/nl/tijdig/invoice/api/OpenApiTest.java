package nl.tijdig.invoice.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "invoice"))
class OpenApiTest {

    @Test
    void the_api_is_described_at_q_openapi() {
        given().when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/invoices"))
                .body(containsString("/debtors"))
                .body(containsString("/creditor-profile"))
                .body(containsString("/invoices/ubl"))
                .body(containsString("/invoices/{id}/ubl"));
    }
}
