package nl.tijdig.payment.paylink;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.tijdig.kernel.PublicTarget;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

/**
 * The tenant's payment provider is called at a base URL the tenant sets: held to the rules against server-side request
 * forgery that webhooks and partners keep, when it is saved and before every call.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "payment"))
class ProviderTargetTest {

    static final String TENANT = "0193a6f2-0000-7000-8000-0000000000e7";

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_provider_at_a_private_or_link_local_address_is_refused_naming_the_base_url_and_nothing_is_saved() {
        for (String target : List.of("http://169.254.169.254/latest/meta-data", "http://10.0.0.7/v2", "http://[fd00::1]/v2",
                "http://user:pw@provider.example/v2")) {
            // when a tenant-admin points the provider at it
            given().contentType(ContentType.JSON).body("""
                    {"provider": "mollie", "apiKey": "test_x", "baseUrl": "%s", "webhookBaseUrl": "https://tijdig.example"}"""
                    .formatted(target)).when().put("/payment-provider")
                    // then 422 names the field, and says why
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", hasItem("baseUrl"))
                    .body("errors.message", hasItem(anyOf(containsString("must"), containsString("resolves to"))));
        }
        // and the tenant still has no provider
        given().when().get("/payment-provider").then().statusCode(404);
    }

    @Test
    void before_every_call_the_base_url_is_checked_again_and_a_name_that_now_resolves_inside_is_not_called() {
        // given a provider whose name resolved to a public address when it was saved, and now to a private one
        AtomicInteger lookups = new AtomicInteger();
        PublicTarget.Resolver rebinding = host -> {
            lookups.incrementAndGet();
            return List.of(InetAddress.getByAddress(host, new byte[] {10, 1, 2, 3}));
        };
        PaymentProviderClient client = new PaymentProviderClient(PublicTarget.Rules.PRODUCTION, rebinding);

        // when the service reads a payment back, or cancels one, then it refuses before connecting
        assertThatThrownBy(() -> client.get("https://api.provider.example/v2", "live_key", "tr_1"))
                .isInstanceOf(PaymentProviderClient.ProviderException.class).hasMessageContaining("10.1.2.3");
        assertThatThrownBy(() -> client.cancel("https://api.provider.example/v2", "live_key", "tr_1"))
                .isInstanceOf(PaymentProviderClient.ProviderException.class).hasMessageContaining("private");
        assertThat(lookups).hasValue(2);
    }
}
