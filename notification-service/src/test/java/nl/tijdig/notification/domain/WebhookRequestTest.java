package nl.tijdig.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import nl.tijdig.kernel.PublicTarget;
import nl.tijdig.kernel.Violation;
import org.junit.jupiter.api.Test;

class WebhookRequestTest {

    private static final PublicTarget.Rules PRODUCTION = PublicTarget.Rules.PRODUCTION;
    private static final PublicTarget.Resolver RESOLVER = host -> List.of(InetAddress.getByName(
            host.equals("hooks.boekhouding.example") ? "93.184.216.34" : host));

    @Test
    void a_request_names_each_wrong_field() {
        WebhookRequest request = new WebhookRequest("https://10.0.0.5/hook",
                List.of("nl.tijdig.payment.PaymentReceived.v1", "nl.tijdig.payment.Nonsense.v1"), "x".repeat(201));
        List<Violation> violations = request.check(java.util.Set.of("nl.tijdig.payment.PaymentReceived.v1"), PRODUCTION, RESOLVER);
        assertThat(violations).extracting(Violation::field).containsExactly("url", "eventTypes[1]", "description");
        assertThat(new WebhookRequest("https://hooks.boekhouding.example/", List.of(), null)
                .check(java.util.Set.of(), PRODUCTION, RESOLVER)).extracting(Violation::field).containsExactly("eventTypes");
        assertThat(new WebhookRequest("https://hooks.boekhouding.example/",
                List.of("nl.tijdig.payment.PaymentReceived.v1", "nl.tijdig.payment.PaymentReceived.v1"), " ").types())
                .containsExactly("nl.tijdig.payment.PaymentReceived.v1");
    }
}
