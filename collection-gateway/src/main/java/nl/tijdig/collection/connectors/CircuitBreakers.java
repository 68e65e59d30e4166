package nl.tijdig.collection.connectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.tijdig.collection.config.CollectionConfig;
import org.jboss.logging.Logger;

/**
 * A circuit breaker per partner (in this instance): after {@code failure-threshold} calls in a row that failed in a
 * way worth trying again (5xx, 408, 429, a timeout, no connection) the partner is left alone for {@code open-for};
 * its due work is put off until then without counting an attempt. Then one call is let through: a success closes the
 * circuit, a failure opens it again. A refusal (another 4xx) shows the partner is up and does not count.
 */
@ApplicationScoped
public class CircuitBreakers {

    private static final Logger LOG = Logger.getLogger(CircuitBreakers.class);

    private record State(int failures, Instant openUntil) {
    }

    private final Map<UUID, State> partners = new ConcurrentHashMap<>();

    @Inject
    CollectionConfig config;

    @Inject
    Clock clock;

    /** Until when the partner's circuit is open (calls wait), or empty when calls may go. */
    public Optional<Instant> openUntil(UUID partnerId) {
        State state = partners.get(partnerId);
        return state == null || state.openUntil() == null || !clock.instant().isBefore(state.openUntil()) ? Optional.empty()
                : Optional.of(state.openUntil());
    }

    public void succeeded(UUID partnerId) {
        if (partners.remove(partnerId) != null) {
            LOG.infof("partner %s answers again: circuit closed", partnerId);
        }
    }

    public void failed(UUID partnerId, boolean permanent) {
        if (permanent) {
            succeeded(partnerId); // it answered
            return;
        }
        State next = partners.merge(partnerId, new State(1, null), (old, one) -> {
            int failures = old.failures() + 1;
            return new State(failures, failures >= config.circuitBreaker().failureThreshold()
                    ? clock.instant().plus(config.circuitBreaker().openFor()) : old.openUntil());
        });
        if (next.failures() >= config.circuitBreaker().failureThreshold()) {
            LOG.warnf("partner %s failed %d times in a row: circuit open until %s", partnerId, next.failures(), next.openUntil());
        }
    }
}
