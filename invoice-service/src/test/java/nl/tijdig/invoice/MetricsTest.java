package nl.tijdig.invoice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.SecurityAttribute;
import java.util.UUID;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

/** What Prometheus scrapes (deploy/: ServiceMonitor on /q/metrics): routes, never a tenant's ids. */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "invoice"))
class MetricsTest {

    static final String TENANT = "6d9f4a52-8a52-4a8e-9e47-3c1f0a2b7d11";

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void the_metrics_count_requests_by_route_and_status_without_the_ids_in_them() {
        // given a request for an invoice that does not exist
        String invoiceId = UUID.randomUUID().toString();
        given().get("/invoices/" + invoiceId).then().statusCode(404);

        // when Prometheus scrapes the service
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        // then the request is counted under its route template, and neither the id nor the tenant appears
        assertThat(metrics).contains("http_server_requests_seconds_count").contains("uri=\"/invoices/{id}\"")
                .doesNotContain(invoiceId).doesNotContain(TENANT);
    }
}
