package nl.tijdig.collection.api;

import io.smallrye.common.annotation.Blocking;
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
import nl.tijdig.collection.config.CollectionConfig;
import nl.tijdig.collection.connectors.Secrets;
import nl.tijdig.collection.connectors.StatusImport;
import nl.tijdig.collection.domain.Partner;
import nl.tijdig.collection.store.Intake;
import nl.tijdig.collection.store.Partners;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.PublicTarget;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.kernel.Violation;
import nl.tijdig.runtime.json.Limits;
import nl.tijdig.runtime.json.Text;
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

    /**
     * A partner as saved: {@code kind} REST_AGENCY | CSV_AGENCY | FACTOR; {@code segment} B2B | B2C or none (any);
     * {@code baseUrl} of its API (required for a REST_AGENCY; https and public); {@code apiKey} (write-only; left
     * out on a change, the saved one stays).
     */
    public record Request(@Text(max = Limits.NAME) String name, @Text(max = Limits.CODE) String kind, @Text(max = Limits.CODE) String segment, Money minClaim, Money maxClaim, Integer priority, Boolean active,
            @Text(max = Limits.URL) String baseUrl, @Text(max = 500) String apiKey) {
    }

    /** A partner as shown: never its API key (only whether one is set) nor its callback secret. */
    public record View(UUID partnerId, String name, Partner.Kind kind, Segment segment, Money minClaim, Money maxClaim, int priority,
            boolean active, String baseUrl, boolean apiKeySet, String callbackPath) {

        static View of(Partners.Saved s) {
            Partner p = s.partner();
            return new View(p.partnerId(), p.name(), p.kind(), p.segment(), p.minClaim(), p.maxClaim(), p.priority(), p.active(),
                    s.baseUrl(), s.apiKeySet(), "/callbacks/" + p.partnerId() + "/status");
        }
    }

    /** A new partner: its callback secret is shown this once. */
    public record Created(View partner, String callbackSecret) {
    }

    private record Checked(Partner partner, String baseUrl, String apiKey) {
    }

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    Partners partners;

    @Inject
    Intake intake;

    @Inject
    Secrets secrets;

    @Inject
    CollectionConfig config;

    @Inject
    StatusImport statusImport;

    @Inject
    java.time.Clock clock;

    @GET
    public Uni<List<View>> all() {
        return partners.saved(pool, tenant.get()).map(list -> list.stream().map(View::of).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<View> one(@PathParam("id") UUID id) {
        return partners.findSaved(pool, tenant.get(), id).map(found -> View.of(found.orElseThrow(() -> missing(id))));
    }

    /** A new partner, with its callback secret ({@code whsec_…}), shown this once. */
    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    public Uni<Response> create(Request request) {
        Checked checked = checked(request);
        TenantId owner = tenant.get();
        String callbackSecret = secrets.draw();
        return pool.withTransaction(tx -> partners.create(tx, owner, checked.partner(), checked.baseUrl(), seal(checked.apiKey()),
                                secrets.seal(callbackSecret))
                        .call(() -> intake.openWaiting(tx, owner)))
                .map(saved -> Response.created(URI.create("/partners/" + saved.partner().partnerId()))
                        .entity(new Created(View.of(saved), callbackSecret)).build());
    }

    private byte[] seal(String apiKey) {
        return apiKey == null ? null : secrets.seal(apiKey);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    public Uni<View> update(@PathParam("id") UUID id, Request request) {
        Checked checked = checked(request);
        TenantId owner = tenant.get();
        return pool.withTransaction(tx -> partners.update(tx, owner, id, checked.partner(), checked.baseUrl(), seal(checked.apiKey()))
                .call(found -> found.isPresent() ? intake.openWaiting(tx, owner) : Uni.createFrom().voidItem()))
                .map(found -> View.of(found.orElseThrow(() -> missing(id))));
    }

    /** A rotated callback secret, shown this once; the previous one verifies until {@code previousValidUntil}. */
    public record Rotated(String callbackSecret, java.time.Instant previousValidUntil) {
    }

    /**
     * A new callback secret ({@code whsec_…}, shown this once). The previous one keeps verifying for
     * {@code tijdig.collection.callbacks.rotation-overlap} (a day), so the partner can switch without losing a callback.
     */
    @POST
    @Path("/{id}/callback-secret-rotation")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Blocking
    public Uni<Rotated> rotate(@PathParam("id") UUID id) {
        String secret = secrets.draw();
        java.time.Instant until = clock.instant().plus(config.callbacks().rotationOverlap());
        return partners.rotateCallbackSecret(pool, tenant.get(), id, secrets.seal(secret), until).map(done -> {
            if (!done) {
                throw missing(id);
            }
            return new Rotated(secret, until);
        });
    }

    /** Removes a partner without cases; one with cases is deactivated instead ({@code active: false}): 409. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Void> delete(@PathParam("id") UUID id) {
        TenantId owner = tenant.get();
        return partners.findSaved(pool, owner, id).chain(found -> {
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

    /**
     * Imports a batch-file agency's status file (as it would be put in its folder): each record applied once, on its
     * own; the answer says per line what became of it. A file that cannot be read at all is 422.
     */
    @POST
    @Path("/{id}/status-files")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.INTEGRATOR})
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Uni<StatusImport.Result> statusFile(@PathParam("id") UUID id, String text) {
        TenantId owner = tenant.get();
        return partners.findSaved(pool, owner, id).chain(found -> {
            Partner partner = found.orElseThrow(() -> missing(id)).partner();
            if (partner.kind() != Partner.Kind.CSV_AGENCY) {
                throw new ConflictProblem("the partner is a " + partner.kind() + "; only a CSV_AGENCY reports by status file",
                        List.of(new Problem.FieldError("kind", "is " + partner.kind())));
            }
            return partners.connection(pool, id);
        }).chain(connection -> statusImport.importText(connection.orElseThrow(() -> missing(id)), text == null ? "" : text))
                .map(result -> {
                    if (result.unreadable()) {
                        StatusImport.LineResult why = result.lines().get(0);
                        throw RejectedProblem.of(List.of(new Problem.FieldError(why.field(), "line " + why.line() + ": " + why.reason())),
                                "a status file");
                    }
                    return result;
                });
    }

    private Checked checked(Request r) {
        Request request = r == null ? new Request(null, null, null, null, null, null, null, null, null) : r;
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
        String baseUrl = request.baseUrl() == null || request.baseUrl().isBlank() ? null : request.baseUrl().trim();
        if (baseUrl == null && ("REST_AGENCY".equals(request.kind()) || "FACTOR".equals(request.kind()))) {
            violations.add(new Violation("baseUrl", "is required for a " + request.kind() + ": where its API is"));
        } else if (baseUrl != null) {
            PublicTarget.refusal(baseUrl, new PublicTarget.Rules(config.partners().requireHttps(), config.partners().allowLoopback()),
                    PublicTarget.Resolver.SYSTEM).ifPresent(why -> violations.add(new Violation("baseUrl", why)));
        }
        if (request.apiKey() != null && (request.apiKey().isBlank() || request.apiKey().length() > 500)) {
            violations.add(new Violation("apiKey", "must be 1 to 500 characters, or left out"));
        }
        if (!violations.isEmpty()) {
            throw RejectedProblem.of(violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList(), "a partner");
        }
        return new Checked(new Partner(null, request.name().trim(), Partner.Kind.valueOf(request.kind()), segment, request.minClaim(),
                request.maxClaim(), request.priority() == null ? 100 : request.priority(), request.active() == null || request.active()),
                baseUrl, request.apiKey());
    }

    private static NotFoundProblem missing(UUID id) {
        return new NotFoundProblem("partner", id);
    }
}
