package nl.tijdig.dunning.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.tijdig.dunning.store.InterestRateStore;
import nl.tijdig.kernel.BusinessTime;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether the statutory interest rate table covers today plus {@link #AHEAD_DAYS} days. A table that does not
 * is a warning, not a failure: the service stays ready (letters still go out, with the last known rate, and
 * quotes say provisional), the check's data says {@code warning}, and the metric
 * {@code tijdig_interest_rates_covered_days} (days from today through the last day covered; negative once
 * past it) lets an alert fire.
 */
@Readiness
@ApplicationScoped
public class InterestRateHealth implements AsyncHealthCheck {

    /** How far ahead the table must reach. */
    static final int AHEAD_DAYS = 30;

    @Inject
    Pool pool;

    @Inject
    InterestRateStore store;

    @Inject
    Clock clock;

    private final AtomicLong coveredDays = new AtomicLong(Long.MAX_VALUE);

    @Inject
    void metrics(MeterRegistry registry) {
        Gauge.builder("tijdig.interest.rates.covered.days", coveredDays, a -> a.get() == Long.MAX_VALUE ? Double.NaN : a.get())
                .description("Days from today through the last day the statutory interest rate table covers")
                .register(registry);
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        LocalDate today = BusinessTime.today(clock);
        return store.load(pool).map(rates -> {
            LocalDate through = rates.coveredThrough();
            long days = ChronoUnit.DAYS.between(today, through);
            coveredDays.set(days);
            var response = HealthCheckResponse.named("statutory-interest-rates").up()
                    .withData("coveredThrough", through.toString()).withData("coveredDays", days);
            if (days < AHEAD_DAYS) {
                response.withData("warning", "the table covers through " + through + ", less than " + AHEAD_DAYS
                        + " days ahead: add the next half year (PUT /admin/interest-rates/{from}); until then the last "
                        + "rate is used and quotes are provisional");
            }
            return response.build();
        }).onFailure().recoverWithItem(e -> HealthCheckResponse.named("statutory-interest-rates").up()
                .withData("warning", "the rate table could not be read: " + e.getMessage()).build());
    }
}
