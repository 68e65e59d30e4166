package nl.tijdig.dunning.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.tijdig.dunning.config.DunningConfig;
import nl.tijdig.dunning.store.Scheduler;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;
import nl.tijdig.runtime.security.Roles;

/**
 * Runs the dunning scheduler now (it runs by itself every {@code tijdig.dunning.scheduler.every}): for
 * an operator after downtime or in a demo. Safe alongside the periodic runs — debtors are locked with
 * {@code SKIP LOCKED} and a day's steps are taken once.
 */
@Path("/admin/dunning-runs")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class DunningRunResource {

    @Inject
    Scheduler scheduler;

    @Inject
    DunningConfig config;

    /** One run over every debtor due today: how many debtors, letters, calls, approvals, hand-overs, waiting. */
    @POST
    public Uni<Scheduler.Run> run() {
        return scheduler.runOnce(config.scheduler().batchSize());
    }

    /**
     * The latest runs that dunned at least one debtor (kept 90 days), newest first; one under way shows
     * its figures so far and no {@code finishedAt}.
     */
    @GET
    public Uni<List<Scheduler.Run>> recent(@QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > 200) {
            throw RejectedProblem.of(List.of(new Problem.FieldError("limit", "must be 1 to 200")), "a run list");
        }
        return scheduler.recent(limit);
    }
}
