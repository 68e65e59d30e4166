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
import java.util.List;
import nl.tijdig.dunning.domain.DunningPolicy;
import nl.tijdig.dunning.store.PolicyStore;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.kernel.Violation;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/**
 * The tenant's dunning policy per segment (B2B, B2C), as data: its steps (offset from the due date,
 * minimum gap after the previous step's delivery, channels and a fallback, template key) and whether
 * escalation waits for approval. Read by every tenant role; saved by the tenant-admin, validated
 * first (422 naming every field), as a new version.
 */
@Path("/dunning-policies/{segment}")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    /** A policy to save: its steps in order, and automatic escalation (default: after approval). */
    public record PolicyRequest(List<DunningPolicy.Step> steps, boolean automaticEscalation, Integer sentTimeoutDays) {
    }

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    PolicyStore policies;

    /** The current policy (version 0: the defaults, while the tenant saved none). */
    @GET
    public Uni<DunningPolicy> get(@PathParam("segment") Segment segment) {
        return policies.current(pool, tenant.get(), segment);
    }

    @PUT
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<DunningPolicy> put(@PathParam("segment") Segment segment, PolicyRequest request) {
        TenantId owner = tenant.get();
        if (request == null) {
            throw new RejectedProblem("body: is required", List.of(new Problem.FieldError("body", "is required")));
        }
        DunningPolicy policy = new DunningPolicy(segment, 0, request.steps(), request.automaticEscalation(),
                request.sentTimeoutDays());
        List<Violation> violations = policy.violations();
        if (!violations.isEmpty()) {
            throw RejectedProblem.of(violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList(),
                    "a dunning policy");
        }
        return pool.withTransaction(tx -> policies.save(tx, owner, policy));
    }
}
