package nl.tijdig.testing.quarkus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

/** Assertions on a running service's health endpoints. */
public final class Readiness {

    public static final String DATABASE_CHECK = "Reactive PostgreSQL connections health check";
    public static final String KAFKA_CHECK = "Kafka connection health check";

    private Readiness() {
    }

    /** {@code /q/health/ready} is UP, and among its checks are the database's and Kafka's, each UP. */
    public static void assertDatabaseAndKafkaUp() {
        given().when().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems(DATABASE_CHECK, KAFKA_CHECK))
                .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.status", is("UP"))
                .body("checks.find { it.name == '" + KAFKA_CHECK + "' }.status", is("UP"));
    }
}
