package nl.tijdig.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {

    // The test vector of the Standard Webhooks specification's reference libraries.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signs_the_specifications_test_vector() {
        assertThat(StandardWebhooks.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void during_a_rotation_the_header_carries_both_signatures_the_new_one_first() {
        String newer = StandardWebhooks.secret(new byte[24]);
        String header = StandardWebhooks.header(List.of(newer, SECRET), ID, TIMESTAMP, BODY);
        assertThat(header.split(" ")).containsExactly(StandardWebhooks.sign(newer, ID, TIMESTAMP, BODY),
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void a_secret_is_whsec_and_base64_of_24_to_64_random_bytes() {
        assertThat(StandardWebhooks.secret(new byte[24])).startsWith("whsec_").hasSize(6 + 32);
        assertThatThrownBy(() -> StandardWebhooks.secret(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardWebhooks.header(List.of(), ID, TIMESTAMP, BODY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void any_change_of_id_timestamp_or_body_changes_the_signature() {
        String signature = StandardWebhooks.sign(SECRET, ID, TIMESTAMP, BODY);
        assertThat(StandardWebhooks.sign(SECRET, ID + "x", TIMESTAMP, BODY)).isNotEqualTo(signature);
        assertThat(StandardWebhooks.sign(SECRET, ID, TIMESTAMP + 1, BODY)).isNotEqualTo(signature);
        assertThat(StandardWebhooks.sign(SECRET, ID, TIMESTAMP, "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(signature);
    }

    @Test
    void a_signed_message_verifies_within_the_tolerance_and_not_when_changed_late_or_under_another_secret() {
        java.time.Instant at = java.time.Instant.ofEpochSecond(TIMESTAMP);
        java.time.Duration window = java.time.Duration.ofMinutes(5);
        String header = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, Long.toString(TIMESTAMP), header, BODY, at, window)).isTrue();
        assertThat(StandardWebhooks.verify(List.of("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]), SECRET), ID,
                Long.toString(TIMESTAMP), "v2,x " + header, BODY, at.plusSeconds(299), window)).isTrue();
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, Long.toString(TIMESTAMP), header, BODY, at.plusSeconds(301), window)).isFalse();
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, Long.toString(TIMESTAMP), header,
                "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8), at, window)).isFalse();
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID + "x", Long.toString(TIMESTAMP), header, BODY, at, window)).isFalse();
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, "soon", header, BODY, at, window)).isFalse();
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, Long.toString(TIMESTAMP), null, BODY, at, window)).isFalse();
    }
}
