package nl.tijdig.dunning.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
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
        initArgs = @ResourceArg(name = "database", value = "dunning"))
class PolicyApiTest {

    static final String TENANT = "0193a6f2-0000-7000-8000-0000000000f2";

    static final String POLICY = """
            {"steps": [
              {"key": "friendly", "kind": "REMINDER", "offsetDays": 2, "minGapDays": 0, "channels": ["EMAIL"], "fallback": "POST", "templateKey": "friendly"},
              {"key": "final", "kind": "FINAL_NOTICE", "offsetDays": 20, "minGapDays": 7, "channels": ["POST", "EMAIL"], "templateKey": "veertiendagenbrief"},
              {"key": "escalation", "kind": "ESCALATION", "offsetDays": 20, "minGapDays": 0, "channels": [], "templateKey": "escalation"}],
             "automaticEscalation": false}""";

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_tenant_starts_with_the_defaults_and_each_save_is_a_new_version() {
        given().when().get("/dunning-policies/B2C").then().statusCode(200).body("version", is(0))
                .body("steps", hasSize(5)).body("steps[3].templateKey", is("veertiendagenbrief"));

        given().contentType(ContentType.JSON).body(POLICY).when().put("/dunning-policies/B2C").then().statusCode(200)
                .body("version", is(1)).body("steps", hasSize(3));
        given().contentType(ContentType.JSON).body(POLICY).when().put("/dunning-policies/B2C").then().body("version", is(2));
        given().when().get("/dunning-policies/B2C").then().body("version", is(2)).body("steps[1].minGapDays", is(7));
        given().when().get("/dunning-policies/B2B").then().body("version", is(0)); // the other segment is untouched
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_policy_that_breaks_the_rules_is_refused_naming_every_field() {
        String bad = POLICY.replace("\"channels\": [\"POST\", \"EMAIL\"]", "\"channels\": [\"EMAIL\"]")
                .replace("\"offsetDays\": 2,", "\"offsetDays\": 0,");
        given().contentType(ContentType.JSON).body(bad).when().put("/dunning-policies/B2C").then().statusCode(422)
                .body("errors.field", hasItems("steps[0].offsetDays", "steps[1].channels"));
    }

    @Test
    @TestSecurity(user = "clerk", roles = "collector", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_collector_reads_the_policy_but_does_not_change_it() {
        given().when().get("/dunning-policies/B2B").then().statusCode(200);
        given().contentType(ContentType.JSON).body(POLICY).when().put("/dunning-policies/B2B").then().statusCode(403);
    }
}
