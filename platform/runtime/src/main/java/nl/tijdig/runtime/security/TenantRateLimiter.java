package nl.tijdig.runtime.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import nl.tijdig.kernel.TenantId;

/**
 * A token bucket per tenant: {@code perSecond} tokens a second, at most {@code burst} saved up. A request
 * takes one; without one it is refused, with the seconds until the next (for {@code Retry-After}).
 * Per replica: with n replicas a tenant gets up to n times the rate, which the operator sizes for.
 */
public final class TenantRateLimiter {

    private static final long NANOS = 1_000_000_000L;

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<TenantId, Bucket> buckets = new ConcurrentHashMap<>();

    public TenantRateLimiter(int perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be 1 or more");
        }
        this.perNano = perSecond / (double) NANOS;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** 0 when the request may go ahead; else the whole seconds to wait before the next one may. */
    public long acquire(TenantId tenant) {
        return buckets.computeIfAbsent(tenant, t -> new Bucket(burst, nanoTime.getAsLong())).take();
    }

    private final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized long take() {
            long now = nanoTime.getAsLong();
            tokens = Math.min(burst, tokens + (now - at) * perNano);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / NANOS));
        }
    }
}
