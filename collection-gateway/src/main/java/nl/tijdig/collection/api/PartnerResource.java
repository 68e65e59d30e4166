package nl.tijdig.collection.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.tijdig.collection.domain.Partner;
import nl.tijdig.collection.domain.Violation;
import nl.tijdig.collection.store.Intake;
import nl.tijdig.collection.store.Partners;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.runtime.problem.ConflictProblem;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/**
 * The tenant's collection agencies and factoring partners: which claims each takes (segment, amount band), in
 * which order of preference. Saving one opens the escalations that waited for a partner that takes them.
 */
@Path("/partners")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Produces(MediaType.APPLICATION_JSON)
public class PartnerResource {

    /** A partner as saved: {@code kind} REST_AGENCY | CSV_AGENCY | FACTOR; {@code segment} B2B | B2C or none (any). */
    public record Request(String name, String kind, String segment, Money minClaim, Money maxClaim, Integer priority, Boolean active) {
    }

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    Partners partners;

    @Inject
    Intake intake;

    @GET
    public Uni<List<Partner>> all() {
        return partners.all(pool, tenant.get());
    }

    @GET
    @Path("/{id}")
    public Uni<Partner> one(@PathParam("id") UUID id) {
        return partners.find(pool, tenant.get(), id).map(found -> found.orElseThrow(() -> missing(id)));
    }

    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(Request request) {
        Partner partner = checked(request);
        TenantId owner = tenant.get();
        return pool.withTransaction(tx -> partners.create(tx, owner, partner)
                        .call(() -> intake.openWaiting(tx, owner)))
                .map(saved -> Response.created(URI.create("/partners/" + saved.partnerId())).entity(saved).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Partner> update(@PathParam("id") UUID id, Request request) {
        Partner partner = checked(request);
        TenantId owner = tenant.get();
        return pool.withTransaction(tx -> partners.update(tx, owner, id, partner)
                .call(found -> found.isPresent() ? intake.openWaiting(tx, owner) : Uni.createFrom().voidItem()))
                .map(found -> found.orElseThrow(() -> missing(id)));
    }

    /** Removes a partner without cases; one with cases is deactivated instead ({@code active: false}): 409. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Void> delete(@PathParam("id") UUID id) {
        TenantId owner = tenant.get();
        return partners.find(pool, owner, id).chain(found -> {
            found.orElseThrow(() -> missing(id));
            return partners.hasCases(pool, owner, id);
        }).chain(used -> {
            if (used) {
                throw new ConflictProblem("the partner has collection cases; deactivate it instead",
                        List.of(new Problem.FieldError("active", "set to false with PUT /partners/" + id)));
            }
            return partners.delete(pool, owner, id).replaceWithVoid();
        });
    }

    private static Partner checked(Request r) {
        Request request = r == null ? new Request(null, null, null, null, null, null, null) : r;
        List<Violation> violations = new ArrayList<>(Partner.check(request.name(), request.kind(), request.minClaim(),
                request.maxClaim(), request.priority()));
        Segment segment = null;
        if (request.segment() != null) {
            try {
                segment = Segment.valueOf(request.segment());
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("segment", "must be B2B or B2C, or left out for any"));
            }
        }
        if (!violations.isEmpty()) {
            throw RejectedProblem.of(violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList(), "a partner");
        }
        return new Partner(null, request.name().trim(), Partner.Kind.valueOf(request.kind()), segment, request.minClaim(),
                request.maxClaim(), request.priority() == null ? 100 : request.priority(), request.active() == null || request.active());
    }

    private static NotFoundProblem missing(UUID id) {
        return new NotFoundProblem("partner", id);
    }
}
