package nl.tijdig.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicTargetTest {

    private static final PublicTarget.Rules PRODUCTION = PublicTarget.Rules.PRODUCTION;
    private static final PublicTarget.Rules TESTS = new PublicTarget.Rules(false, true);

    /** DNS as a table: names that resolve to public, private and metadata addresses. */
    private static final Map<String, String> DNS = Map.of(
            "hooks.boekhouding.example", "93.184.216.34",
            "intranet.example", "10.1.2.3",
            "rebind.example", "169.254.169.254",
            "localhost", "127.0.0.1",
            "dual.example", "93.184.216.34,192.168.1.10");

    private static final PublicTarget.Resolver RESOLVER = host -> {
        String addresses = DNS.get(host);
        if (addresses == null) {
            try {
                return List.of(InetAddress.getByName(literal(host)));
            } catch (IllegalArgumentException e) {
                throw new UnknownHostException(host);
            }
        }
        return java.util.Arrays.stream(addresses.split(",")).map(PublicTargetTest::address).toList();
    };

    private static String literal(String host) {
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return host;
        }
        throw new IllegalArgumentException(host);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_public_https_target_is_accepted() {
        assertThat(PublicTarget.refusal("https://hooks.boekhouding.example/tijdig?tenant=7", PRODUCTION, RESOLVER)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://localhost:8080/hook", "https://[::1]/hook", "https://10.0.0.5/hook",
            "https://172.16.0.1/hook", "https://192.168.1.1/hook", "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/hook", "https://0.0.0.0/hook", "https://[fd00::1]/hook", "https://[fe80::1]/hook",
            "https://[::ffff:10.0.0.1]/hook", "https://[64:ff9b::a9fe:a9fe]/hook", "https://224.0.0.1/hook",
            "https://intranet.example/hook", "https://rebind.example/hook", "https://dual.example/hook"})
    void targets_that_reach_inside_are_refused_in_production(String url) {
        Optional<String> refusal = PublicTarget.refusal(url, PRODUCTION, RESOLVER);
        assertThat(refusal).as(url).isPresent();
        assertThat(refusal.get()).contains("Tijdig calls only public addresses");
    }

    @Test
    void plain_http_credentials_fragments_and_other_schemes_are_refused() {
        assertThat(PublicTarget.refusal("http://hooks.boekhouding.example/tijdig", PRODUCTION, RESOLVER)).contains("must use https");
        assertThat(PublicTarget.refusal("https://user:pw@hooks.boekhouding.example/", PRODUCTION, RESOLVER).get()).contains("credentials");
        assertThat(PublicTarget.refusal("https://hooks.boekhouding.example/#x", PRODUCTION, RESOLVER).get()).contains("fragment");
        assertThat(PublicTarget.refusal("file:///etc/passwd", PRODUCTION, RESOLVER)).contains("must be an absolute https URL");
        assertThat(PublicTarget.refusal("gopher://hooks.boekhouding.example/", PRODUCTION, RESOLVER)).contains("must be an absolute https URL");
        assertThat(PublicTarget.refusal("/relative", PRODUCTION, RESOLVER)).contains("must be an absolute https URL");
        assertThat(PublicTarget.refusal("https://nowhere.example/", PRODUCTION, RESOLVER).get()).contains("cannot be resolved");
        assertThat(PublicTarget.refusal(" ", PRODUCTION, RESOLVER)).contains("is required");
        assertThat(PublicTarget.refusal("https://hooks.boekhouding.example/" + "a".repeat(2000), PRODUCTION, RESOLVER).get())
                .contains("at most 2000");
    }

    @Test
    void tests_and_dev_may_use_plain_http_to_loopback_but_still_nothing_private() {
        assertThat(PublicTarget.refusal("http://127.0.0.1:43210/hook", TESTS, RESOLVER)).isEmpty();
        assertThat(PublicTarget.refusal("http://localhost:43210/hook", TESTS, RESOLVER)).isEmpty();
        assertThat(PublicTarget.refusal("http://169.254.169.254/latest/meta-data", TESTS, RESOLVER)).isPresent();
        assertThat(PublicTarget.refusal("http://10.0.0.5/hook", TESTS, RESOLVER)).isPresent();
    }
}
