package nl.tijdig.invoice;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import nl.tijdig.testing.quarkus.Readiness;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "invoice"))
class ReadinessTest {

    @Test
    void is_ready_with_its_database_and_kafka_up() {
        Readiness.assertDatabaseAndKafkaUp();
    }

    @Test
    void is_not_ready_while_its_database_is_down_and_ready_again_after() {
        // given a ready service
        Readiness.assertDatabaseAndKafkaUp();

        // when its database is killed with SIGKILL
        PostgresResource.server().kill();
        try {
            // then readiness is DOWN, naming the database check
            given().when().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == '" + Readiness.DATABASE_CHECK + "' }.status", is("DOWN"));
        } finally {
            // when the database comes back
            PostgresResource.server().start();
        }
        // then the service is ready again without a restart
        await().atMost(Duration.ofSeconds(60)).untilAsserted(Readiness::assertDatabaseAndKafkaUp);
    }

    @Test
    void is_not_ready_while_the_broker_is_down_and_ready_again_after() {
        Readiness.assertDatabaseAndKafkaUp();

        // when the broker stops, then readiness says so within seconds (not after a 60 s hang)
        KafkaResource.broker().stop();
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready")
                    .then().statusCode(503)
                    .body("checks.find { it.name == '" + Readiness.KAFKA_CHECK + "' }.status", is("DOWN")));
        } finally {
            KafkaResource.broker().start();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(Readiness::assertDatabaseAndKafkaUp);
    }
}
