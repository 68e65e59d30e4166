package nl.tijdig.invoice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.UUID;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

/**
 * The shared problem+json mapping, through a probe resource of this test and the dead-letter operator
 * API: bad input names the field, unknown objects are 404, conflicts 409.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "invoice"))
class ProblemJsonTest {

    @Test
    void invalid_fields_are_each_named() {
        given().contentType(ContentType.JSON)
                .body("{\"number\": \"\", \"lines\": [{\"quantity\": 0}]}")
                .when().post("/test/problem-probe")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://tijdig.nl/problems/validation"))
                .body("status", is(400))
                .body("instance", is("/test/problem-probe"))
                .body("errors.field", containsInAnyOrder("number", "lines[0].quantity"));
    }

    @Test
    void a_value_of_the_wrong_type_names_its_field() {
        given().contentType(ContentType.JSON)
                .body("{\"number\": \"F-1\", \"lines\": [{\"quantity\": \"veel\"}]}")
                .when().post("/test/problem-probe")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("lines[0].quantity"))
                .body("errors[0].message", containsString("decimal"));
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator")
    void only_operators_see_dead_letters() {
        given().when().get("/admin/dead-letters").then().statusCode(403);
    }

    @Test
    void malformed_json_is_a_400_problem() {
        given().contentType(ContentType.JSON).body("{\"number\": ")
                .when().post("/test/problem-probe")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://tijdig.nl/problems/malformed-json"));
    }

    @Test
    @TestSecurity(user = "operator", roles = "operator")
    void a_concurrent_change_is_409_and_an_unknown_object_404() {
        given().when().post("/test/problem-probe/conflict")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("https://tijdig.nl/problems/conflict"));
        given().when().get("/admin/dead-letters/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", is("https://tijdig.nl/problems/not-found"));
    }

    @Test
    @TestSecurity(user = "operator", roles = "operator")
    void a_bad_query_parameter_is_named() {
        given().when().get("/admin/dead-letters?limit=0")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("limit"));
        given().when().get("/admin/dead-letters?limit=5")
                .then().statusCode(200).body("size()", equalTo(0));
    }
}
