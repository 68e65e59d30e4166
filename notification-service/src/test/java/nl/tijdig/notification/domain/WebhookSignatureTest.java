package nl.tijdig.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // The test vector of the Standard Webhooks specification's reference libraries.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signs_the_specifications_test_vector() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void during_a_rotation_the_header_carries_both_signatures_the_new_one_first() {
        String newer = WebhookSignature.secret(new byte[24]);
        String header = WebhookSignature.header(List.of(newer, SECRET), ID, TIMESTAMP, BODY);
        assertThat(header.split(" ")).containsExactly(WebhookSignature.sign(newer, ID, TIMESTAMP, BODY),
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void a_secret_is_whsec_and_base64_of_24_to_64_random_bytes() {
        assertThat(WebhookSignature.secret(new byte[24])).startsWith("whsec_").hasSize(6 + 32);
        assertThatThrownBy(() -> WebhookSignature.secret(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookSignature.header(List.of(), ID, TIMESTAMP, BODY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void any_change_of_id_timestamp_or_body_changes_the_signature() {
        String signature = WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);
        assertThat(WebhookSignature.sign(SECRET, ID + "x", TIMESTAMP, BODY)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP + 1, BODY)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(signature);
    }
}
