package nl.tijdig.notification.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.kernel.Violation;
import nl.tijdig.notification.domain.LetterModel;
import nl.tijdig.notification.domain.LetterTemplate;
import nl.tijdig.notification.letters.LetterRenderer;
import nl.tijdig.notification.store.LetterTemplates;
import nl.tijdig.runtime.json.Limits;
import nl.tijdig.runtime.json.Text;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/**
 * The wording of the tenant's letters, per kind (PRE_DUE_NOTICE, REMINDER, FINAL_NOTICE,
 * FOURTEEN_DAY_LETTER) and language (nl, en): its own, or the built-in one. A template is saved only when it
 * renders against the contract examples of ReminderDue, as XHTML that makes a PDF, and — for a
 * 14-dagenbrief — says what the law needs; otherwise 422 naming the field, and nothing changes.
 */
@Path("/letter-templates")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Produces(MediaType.APPLICATION_JSON)
public class LetterTemplateResource {

    /** A template as shown: {@code source} is "tenant" or "built-in". */
    public record View(String kind, String language, String subject, String body, String source) {
    }

    /** A tenant's template as saved. */
    public record Request(@Text(max = 500) String subject, @Text(max = Limits.TEMPLATE, lines = true) String body) {
    }

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    LetterTemplates templates;

    @Inject
    LetterRenderer renderer;

    /** Every kind and language, as the tenant's letters use it now. */
    @GET
    public Uni<List<View>> all() {
        return templates.all(pool, tenant.get()).map(own -> {
            List<View> views = new ArrayList<>();
            for (ReminderDue.Kind kind : ReminderDue.Kind.values()) {
                for (String language : LetterModel.LANGUAGES) {
                    Optional<LetterTemplate> mine = own.stream()
                            .filter(t -> t.kind() == kind && t.language().equals(language)).findFirst();
                    views.add(view(mine.orElse(renderer.builtIn(kind, language)), mine.isPresent()));
                }
            }
            return views;
        });
    }

    @GET
    @Path("/{kind}/{language}")
    public Uni<View> get(@PathParam("kind") String kind, @PathParam("language") String language) {
        LetterTemplate key = key(kind, language, "x", "x");
        return templates.find(pool, tenant.get(), key.kind(), key.language())
                .map(own -> view(own.orElse(renderer.builtIn(key.kind(), key.language())), own.isPresent()));
    }

    @PUT
    @Path("/{kind}/{language}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<View> put(@PathParam("kind") String kind, @PathParam("language") String language, Request request) {
        LetterTemplate template = key(kind, language, request == null ? null : request.subject(),
                request == null ? null : request.body());
        List<Violation> violations = renderer.verify(template);
        if (!violations.isEmpty()) {
            throw rejected(violations);
        }
        TenantId owner = tenant.get();
        return templates.save(pool, owner, template).replaceWith(view(template, true));
    }

    /** Back to the built-in template. */
    @DELETE
    @Path("/{kind}/{language}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Void> delete(@PathParam("kind") String kind, @PathParam("language") String language) {
        LetterTemplate key = key(kind, language, "x", "x");
        return templates.remove(pool, tenant.get(), key.kind(), key.language()).map(removed -> {
            if (!removed) {
                throw new NotFoundProblem("letter template of the tenant", kind + "/" + language);
            }
            return null;
        });
    }

    private static LetterTemplate key(String kind, String language, String subject, String body) {
        List<Violation> violations = LetterTemplate.check(kind, language, subject, body);
        if (!violations.isEmpty()) {
            throw rejected(violations);
        }
        return new LetterTemplate(ReminderDue.Kind.valueOf(kind), language.toLowerCase(Locale.ROOT), subject, body);
    }

    private static RejectedProblem rejected(List<Violation> violations) {
        return RejectedProblem.of(violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList(),
                "a letter template");
    }

    private static View view(LetterTemplate t, boolean own) {
        return new View(t.kind().name(), t.language(), t.subject(), t.body(), own ? "tenant" : "built-in");
    }
}
