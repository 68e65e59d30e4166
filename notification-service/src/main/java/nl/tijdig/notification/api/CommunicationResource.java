package nl.tijdig.notification.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.tijdig.notification.store.Communications;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/**
 * The communication log of the tenant: what was sent (or held back, or failed) to whom, when, with which
 * content hash and Message-ID, and the letter itself as PDF (the case timeline links to it).
 */
@Path("/communications")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
public class CommunicationResource {

    static final List<String> STATUSES = List.of("PREPARED", "SENT", "FAILED", "SUPPRESSED");

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    Communications communications;

    /** The log, newest first: of one case ({@code caseId}), in one status, at most {@code limit} (1 to 500). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<Communications.Entry>> list(@QueryParam("caseId") String caseId, @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        List<Problem.FieldError> errors = new ArrayList<>();
        UUID caseUuid = null;
        if (caseId != null) {
            try {
                caseUuid = UUID.fromString(caseId);
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("caseId", "must be a UUID"));
            }
        }
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new Problem.FieldError("status", "must be one of " + STATUSES));
        }
        if (limit < 1 || limit > 500) {
            errors.add(new Problem.FieldError("limit", "must be 1 to 500"));
        }
        if (!errors.isEmpty()) {
            throw RejectedProblem.of(errors, "a communication query");
        }
        return communications.list(pool, tenant.get(), caseUuid, status, limit);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Communications.Entry> get(@PathParam("id") UUID id) {
        return communications.find(pool, tenant.get(), id).map(found -> found.orElseThrow(() -> new NotFoundProblem("communication", id)));
    }

    /** The letter as sent, as PDF; 404 until it has been rendered. */
    @GET
    @Path("/{id}/letter.pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Uni<Response> pdf(@PathParam("id") UUID id) {
        return communications.pdf(pool, tenant.get(), id).map(found -> Response
                .ok(found.orElseThrow(() -> new NotFoundProblem("rendered letter of communication", id)), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + id + ".pdf\"").build());
    }

    /** What was sent as text and HTML, with its content hash; 404 until it has been rendered. */
    @GET
    @Path("/{id}/content")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Content> content(@PathParam("id") UUID id) {
        return communications.content(pool, tenant.get(), id).map(found -> found
                .map(r -> new Content(r.subject(), r.text(), r.html(), r.contentHash()))
                .orElseThrow(() -> new NotFoundProblem("rendered letter of communication", id)));
    }

    /** The rendered message. */
    public record Content(String subject, String text, String html, String contentHash) {
    }
}
