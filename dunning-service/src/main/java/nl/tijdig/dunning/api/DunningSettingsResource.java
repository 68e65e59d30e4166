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
import java.util.List;
import nl.tijdig.dunning.store.DunningSettingsStore;
import nl.tijdig.dunning.store.WeeklyOverviews;
import nl.tijdig.kernel.Money;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/**
 * The tenant's dunning settings: the open amount above which a write-off needs a second user (€ 500 unless
 * set), and the day of the week its weekly overview is compiled for the creditor (MONDAY … SUNDAY, or OFF;
 * Monday unless set). A PUT replaces both: a day left out is Monday again.
 */
@Path("/dunning-settings")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DunningSettingsResource {

    /** The threshold in euro; the overview's day. */
    public record Settings(BigDecimal writeOffApprovalAbove, String weeklyOverviewDay) {
    }

    static final List<String> DAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "OFF");

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    DunningSettingsStore store;

    @GET
    public Uni<Settings> get() {
        return store.get(pool, tenant.get()).map(DunningSettingsResource::view);
    }

    @PUT
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Settings> put(Settings request) {
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        if (request == null || request.writeOffApprovalAbove() == null || request.writeOffApprovalAbove().signum() < 0
                || request.writeOffApprovalAbove().stripTrailingZeros().scale() > 2) {
            errors.add(new Problem.FieldError("writeOffApprovalAbove",
                    "is required: an amount in euro, 0 or more, at most 2 decimals"));
        }
        if (request != null && request.weeklyOverviewDay() != null && !DAYS.contains(request.weeklyOverviewDay())) {
            errors.add(new Problem.FieldError("weeklyOverviewDay", "must be one of " + DAYS));
        }
        if (!errors.isEmpty()) {
            throw RejectedProblem.of(errors, "dunning settings");
        }
        String day = request.weeklyOverviewDay() == null ? WeeklyOverviews.DEFAULT_DAY.name() : request.weeklyOverviewDay();
        return store.put(pool, tenant.get(), new DunningSettingsStore.Settings(Money.eur(request.writeOffApprovalAbove()), day))
                .map(DunningSettingsResource::view);
    }

    private static Settings view(DunningSettingsStore.Settings settings) {
        return new Settings(settings.writeOffApprovalAbove().amount(), settings.weeklyOverviewDay());
    }
}
