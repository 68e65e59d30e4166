package nl.tijdig.dunning.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
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
import nl.tijdig.kernel.TenantId;
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

    @GET
    public Uni<DebtorPause> get(@PathParam("id") UUID id) {
        return pool.preparedQuery("SELECT paused, pause_reason FROM dunning_debtors WHERE tenant_id = $1 AND debtor_id = $2")
                .execute(Tuple.of(tenant.get().value(), id)).map(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFoundProblem("debtor", id);
                    }
                    var row = rows.iterator().next();
                    String reason = row.getString("pause_reason");
                    return new DebtorPause(row.getBoolean("paused"), reason == null ? null : Reason.valueOf(reason));
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
        TenantId owner = tenant.get();
        String reason = request.paused() ? request.reason().name() : null;
        return pool.preparedQuery("UPDATE dunning_debtors SET paused = $3, pause_reason = $4 WHERE tenant_id = $1 "
                        + "AND debtor_id = $2 RETURNING paused")
                .execute(Tuple.of(owner.value(), id, request.paused(), reason)).map(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFoundProblem("debtor", id);
                    }
                    return new DebtorPause(request.paused(), request.paused() ? request.reason() : null);
                });
    }
}
