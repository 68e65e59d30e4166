package nl.tijdig.dunning.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.tijdig.dunning.store.DebtorPauses;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/**
 * Dunning paused for a whole debtor: a legal stop (faillissement, surseance van betaling, WSNP) or a
 * customer the creditor excludes. While paused, the scheduler takes no step for any of its cases;
 * payments and credit notes still count.
 */
@Path("/debtors/{id}/dunning-pause")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DebtorPauseResource {

    /** Why a debtor is paused. */
    public enum Reason {
        FAILLISSEMENT,
        SURSEANCE,
        WSNP,
        EXCLUDED,
        OTHER
    }

    /** Paused or not, and why. */
    public record DebtorPause(Boolean paused, Reason reason) {
    }

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    DebtorPauses pauses;

    @GET
    public Uni<DebtorPause> get(@PathParam("id") UUID id) {
        return pauses.get(pool, tenant.get(), id).map(found -> {
            DebtorPauses.Pause pause = found.orElseThrow(() -> new NotFoundProblem("debtor", id));
            return new DebtorPause(pause.paused(), pause.reason() == null ? null : Reason.valueOf(pause.reason()));
        });
    }

    /** Pauses the debtor's dunning (with a reason) or lets it go on. 404 for a debtor without cases or contact here. */
    @PUT
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.COLLECTOR})
    public Uni<DebtorPause> put(@PathParam("id") UUID id, DebtorPause request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request == null || request.paused() == null) {
            errors.add(new Problem.FieldError("paused", "is required: true to pause, false to go on"));
        } else if (request.paused() && request.reason() == null) {
            errors.add(new Problem.FieldError("reason", "is required to pause: FAILLISSEMENT, SURSEANCE, WSNP, EXCLUDED or OTHER"));
        }
        if (!errors.isEmpty()) {
            throw RejectedProblem.of(errors, "a debtor pause");
        }
        String reason = request.paused() ? request.reason().name() : null;
        return pauses.set(pool, tenant.get(), id, new DebtorPauses.Pause(request.paused(), reason)).map(found -> {
            if (!found) {
                throw new NotFoundProblem("debtor", id);
            }
            return new DebtorPause(request.paused(), request.paused() ? request.reason() : null);
        });
    }
}
