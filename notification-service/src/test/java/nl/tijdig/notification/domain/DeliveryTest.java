package nl.tijdig.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    @Test
    void a_reminder_on_a_channel_has_one_communication_id_and_one_message_id() {
        UUID reminder = UUID.fromString("0193a6f2-5555-7555-8555-000000000001");
        UUID email = Delivery.communicationId(reminder, "EMAIL");
        assertThat(Delivery.communicationId(reminder, "EMAIL")).isEqualTo(email);
        assertThat(Delivery.communicationId(reminder, "LETTER")).isNotEqualTo(email);
        assertThat(Delivery.messageId(email, "mail.tijdig.nl")).isEqualTo("<" + email + "@mail.tijdig.nl>");
    }

    @Test
    void attempts_back_off_from_thirty_seconds_doubling_to_an_hour() {
        assertThat(Delivery.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Delivery.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Delivery.backoff(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(Delivery.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(Delivery.backoff(60)).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> Delivery.backoff(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_permanent_failure_ends_at_once_a_passing_one_after_the_last_attempt() {
        assertThat(Delivery.afterFailure(1, true)).isEqualTo(Delivery.AfterFailure.GIVE_UP);
        assertThat(Delivery.afterFailure(1, false)).isEqualTo(Delivery.AfterFailure.RETRY);
        assertThat(Delivery.afterFailure(Delivery.MAX_ATTEMPTS - 1, false)).isEqualTo(Delivery.AfterFailure.RETRY);
        assertThat(Delivery.afterFailure(Delivery.MAX_ATTEMPTS, false)).isEqualTo(Delivery.AfterFailure.GIVE_UP);
    }

    @Test
    void the_content_hash_changes_with_any_part_of_what_was_sent() {
        String hash = Delivery.contentHash("s", "t", new byte[] {1});
        assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(Delivery.contentHash("s", "t", new byte[] {1}));
        assertThat(Delivery.contentHash("s", "t", new byte[] {2})).isNotEqualTo(hash);
        assertThat(Delivery.contentHash("st", "", new byte[] {1})).isNotEqualTo(hash);
    }
}
