package nl.tijdig.dunning.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.tijdig.dunning.domain.Aging;
import nl.tijdig.dunning.store.AgingStore;
import nl.tijdig.dunning.store.WeeklyOverviews;
import nl.tijdig.events.WeeklyOverviewCompiled;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/** Reports over the tenant's receivables in euro: aging per bucket and DSO. */
@Path("/reports")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    Pool pool;

    @Inject
    AgingStore aging;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    @Inject
    WeeklyOverviews overviews;

    /**
     * The tenant's weekly overview as it stands today (what the scheduler publishes as WeeklyOverviewCompiled
     * on the tenant's day): open and overdue claims, aging and DSO, paid and fallen due in the last 7 days,
     * what waits for the creditor, the 25 most overdue claims.
     */
    @GET
    @Path("/weekly-overview")
    public Uni<WeeklyOverviewCompiled> weeklyOverview() {
        return overviews.compile(pool, tenant.get(), BusinessTime.today(clock));
    }

    /**
     * The aging of every claim not closed (not due, 1–30, 31–60, 61–90, over 90 days past due: amounts and
     * counts) on today, and DSO over the last {@code dsoDays} (30–365, default 90) days.
     */
    @GET
    @Path("/aging")
    public Uni<Aging.Report> aging(@QueryParam("dsoDays") @DefaultValue("90") int dsoDays) {
        if (dsoDays < 30 || dsoDays > 365) {
            throw RejectedProblem.of(List.of(new Problem.FieldError("dsoDays", "must be 30 to 365")), "a report");
        }
        TenantId owner = tenant.get();
        LocalDate today = BusinessTime.today(clock);
        return aging.openClaims(pool, owner).flatMap(claims -> aging.invoiced(pool, owner, today.minusDays(dsoDays), today)
                .map(invoiced -> Aging.of(today, claims, invoiced, dsoDays)));
    }
}
