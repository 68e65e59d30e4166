package nl.tijdig.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import nl.tijdig.kernel.TenantId;
import org.junit.jupiter.api.Test;

class TenantRateLimiterTest {

    static final long SECOND = 1_000_000_000L;
    final AtomicLong now = new AtomicLong();
    final TenantRateLimiter limiter = new TenantRateLimiter(2, 3, now::get);
    final TenantId busy = new TenantId(UUID.fromString("0193a6f2-0000-7000-8000-000000000001"));
    final TenantId quiet = new TenantId(UUID.fromString("0193a6f2-0000-7000-8000-000000000002"));

    @Test
    void a_tenant_may_burst_then_waits_for_the_rate_and_says_how_long() {
        // given a burst of 3 used up at once
        assertThat(limiter.acquire(busy)).isZero();
        assertThat(limiter.acquire(busy)).isZero();
        assertThat(limiter.acquire(busy)).isZero();

        // when it asks again at once, then it must wait a second (2 a second: half a second, rounded up)
        assertThat(limiter.acquire(busy)).isEqualTo(1);

        // and after half a second one more goes through
        now.addAndGet(SECOND / 2);
        assertThat(limiter.acquire(busy)).isZero();
        assertThat(limiter.acquire(busy)).isEqualTo(1);
    }

    @Test
    void one_busy_tenant_does_not_slow_down_another() {
        for (int i = 0; i < 10; i++) {
            limiter.acquire(busy);
        }
        assertThat(limiter.acquire(quiet)).isZero();
    }

    @Test
    void an_idle_tenant_saves_up_no_more_than_the_burst() {
        now.addAndGet(3600 * SECOND);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire(busy)).isZero();
        }
        assertThat(limiter.acquire(busy)).isEqualTo(1);
    }
}
