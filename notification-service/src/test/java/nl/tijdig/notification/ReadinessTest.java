package nl.tijdig.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import nl.tijdig.testing.quarkus.Readiness;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = ProviderServer.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ReadinessTest {

    @Test
    void is_ready_with_its_database_and_kafka_up() {
        Readiness.assertDatabaseAndKafkaUp();
    }
}
