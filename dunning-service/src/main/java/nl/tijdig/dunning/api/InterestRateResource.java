package nl.tijdig.dunning.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.tijdig.dunning.domain.InterestRates;
import nl.tijdig.dunning.store.InterestRateStore;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;
import nl.tijdig.runtime.security.Roles;

/**
 * The statutory interest rates: everyone with a role reads them; the operator replaces the table (the
 * law's rates change per half year).
 */
@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class InterestRateResource {

    /** One half year's rates, in percent per year. */
    public record RateView(LocalDate from, BigDecimal consumer, BigDecimal commercial) {
    }

    static final BigDecimal MAX = new BigDecimal("50");

    @Inject
    Pool pool;

    @Inject
    InterestRateStore store;

    @GET
    @Path("/interest-rates")
    @RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR, Roles.OPERATOR})
    public Uni<List<RateView>> list() {
        return store.load(pool).map(rates -> rates.rates().stream()
                .map(r -> new RateView(r.from(), r.consumer(), r.commercial())).toList());
    }

    /** The rates of one half year, in percent per year. */
    public record HalfYear(BigDecimal consumer, BigDecimal commercial) {
    }

    /**
     * Adds the rates of a half year from {@code from} (or corrects them): the rest of the table stays. The
     * operator does this when the new rates are published (each 1 January and 1 July); until then quotes past the
     * table are marked provisional and the health check warns.
     */
    @PUT
    @Path("/admin/interest-rates/{from}")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<List<RateView>> put(@jakarta.ws.rs.PathParam("from") LocalDate from, HalfYear rates) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (rates == null) {
            errors.add(new Problem.FieldError("body", "give consumer and commercial"));
        } else {
            check(rates.consumer(), "consumer", errors);
            check(rates.commercial(), "commercial", errors);
        }
        if (!errors.isEmpty()) {
            throw new RejectedProblem(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields are not valid", errors);
        }
        return pool.withTransaction(tx -> store.put(tx, new InterestRates.Rate(from, rates.consumer(), rates.commercial())))
                .chain(this::list);
    }

    private static void check(BigDecimal rate, String field, List<Problem.FieldError> errors) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(MAX) > 0) {
            errors.add(new Problem.FieldError(field, "must be 0 to 50 (percent per year)"));
        } else if (rate.stripTrailingZeros().scale() > 3) {
            errors.add(new Problem.FieldError(field, "has at most 3 decimals"));
        }
    }

    /** Replaces the whole table. */
    @PUT
    @Path("/admin/interest-rates")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<List<RateView>> replace(List<RateView> table) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (table == null || table.isEmpty()) {
            errors.add(new Problem.FieldError("body", "give at least one rate"));
        } else {
            Set<LocalDate> seen = new HashSet<>();
            for (int i = 0; i < table.size(); i++) {
                RateView rate = table.get(i);
                String at = "[" + i + "]";
                if (rate == null || rate.from() == null) {
                    errors.add(new Problem.FieldError(at + ".from", "is required"));
                    continue;
                }
                if (!seen.add(rate.from())) {
                    errors.add(new Problem.FieldError(at + ".from", "is given twice"));
                }
                check(rate.consumer(), at + ".consumer", errors);
                check(rate.commercial(), at + ".commercial", errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new RejectedProblem(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " rates are not valid", errors);
        }
        InterestRates rates = new InterestRates(table.stream()
                .map(r -> new InterestRates.Rate(r.from(), r.consumer(), r.commercial())).toList());
        return pool.withTransaction(tx -> store.replace(tx, rates)).chain(this::list);
    }
}
