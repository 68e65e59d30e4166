package nl.tijdig.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookRetryTest {

    private static final List<Duration> DEFAULT = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(24), Duration.ofHours(24));
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final WebhookRetry retry = new WebhookRetry(DEFAULT, 0.2, Duration.ofDays(5));

    @Test
    void the_default_schedule_spans_about_three_days_then_dead_letters() {
        Duration total = DEFAULT.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isBetween(Duration.ofHours(60), Duration.ofHours(72));
        assertThat(retry.attemptsPerRound()).isEqualTo(9);
        assertThat(retry.afterFailure(1, NOW, 0.5)).isEqualTo(new WebhookRetry.RetryAt(NOW.plus(Duration.ofMinutes(1))));
        assertThat(retry.afterFailure(8, NOW, 0.5)).isEqualTo(new WebhookRetry.RetryAt(NOW.plus(Duration.ofHours(24))));
        assertThat(retry.afterFailure(9, NOW, 0.5)).isInstanceOf(WebhookRetry.DeadLetter.class);
    }

    @Test
    void jitter_varies_each_wait_by_at_most_a_fifth_either_way() {
        assertThat(retry.afterFailure(2, NOW, 0.0)).isEqualTo(new WebhookRetry.RetryAt(NOW.plus(Duration.ofMinutes(4))));
        WebhookRetry.RetryAt latest = (WebhookRetry.RetryAt) retry.afterFailure(2, NOW, 0.999999);
        assertThat(latest.at()).isBetween(NOW.plus(Duration.ofMinutes(5)), NOW.plus(Duration.ofMinutes(6)));
    }

    @Test
    void an_endpoint_failing_for_five_days_is_disabled_not_before() {
        assertThat(retry.disable(NOW.minus(Duration.ofDays(5)), NOW)).isTrue();
        assertThat(retry.disable(NOW.minus(Duration.ofDays(5)).plusSeconds(1), NOW)).isFalse();
        assertThat(retry.disable(null, NOW)).isFalse();
    }

    @Test
    void a_schedule_must_be_sane() {
        assertThatThrownBy(() -> new WebhookRetry(List.of(Duration.ZERO), 0.2, Duration.ofDays(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookRetry(DEFAULT, 1.0, Duration.ofDays(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> retry.afterFailure(0, NOW, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
