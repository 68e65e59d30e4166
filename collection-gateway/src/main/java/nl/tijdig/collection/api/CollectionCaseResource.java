package nl.tijdig.collection.api;

import nl.tijdig.kernel.Decision;
import nl.tijdig.kernel.Violation;
import nl.tijdig.events.CollectionEvent;
import nl.tijdig.runtime.json.Limits;
import nl.tijdig.runtime.json.Text;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.tijdig.collection.domain.CollectionCase;
import nl.tijdig.collection.store.CollectionCases;
import nl.tijdig.collection.store.HandOvers;
import nl.tijdig.collection.store.Notices;
import nl.tijdig.eventstore.ConcurrencyConflictException;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.runtime.problem.ConflictProblem;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/** The tenant's collection cases: listed, one with its history, and recalled. */
@Path("/collection-cases")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Produces(MediaType.APPLICATION_JSON)
public class CollectionCaseResource {

    /**
     * A case with its history (every event of its stream, oldest first) and what its partner was told after the
     * hand-over ({@code notices}: a RECALL, PENDING, DONE or FAILED after its attempts).
     */
    public record Detail(CollectionCases.Entry collectionCase, List<CollectionCases.HistoryEntry> history, List<Notices.Shown> notices) {
    }

    /** Why the creditor takes the claim back. */
    public record Recall(@Text(max = Limits.NOTE, lines = true) String reason) {
    }

    private static final Set<String> STATUSES = Set.of("OPENED", "HAND_OVER_FAILED", "SUBMITTED", "ACCEPTED", "IN_PROGRESS", "CLOSED");

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    CollectionCases cases;

    @Inject
    HandOvers handOvers;

    @Inject
    Notices notices;

    @Inject
    Clock clock;

    /** Newest first: by {@code status}, at most {@code limit} (1 to 500). */
    @GET
    public Uni<List<CollectionCases.Entry>> list(@QueryParam("status") String status, @QueryParam("limit") @DefaultValue("100") int limit) {
        ListQuery.check(status, STATUSES, limit, "a case query");
        return cases.list(pool, tenant.get(), Optional.ofNullable(status), limit);
    }

    @GET
    @Path("/{id}")
    public Uni<Detail> one(@PathParam("id") UUID id) {
        TenantId owner = tenant.get();
        return cases.find(pool, owner, id).chain(found -> {
            CollectionCases.Entry entry = found.orElseThrow(() -> missing(id));
            return cases.history(pool, owner, id).chain(history -> notices.of(pool, owner, id)
                    .map(told -> new Detail(entry, history, told)));
        });
    }

    /**
     * The creditor takes the claim back: the case closes RECALLED; a partner that has it is told (a REST agency by a
     * call, a batch-file agency in a recall file), one that has not yet does not get it.
     */
    @POST
    @Path("/{id}/recall")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Detail> recall(@PathParam("id") UUID id, Recall body) {
        if (body == null || body.reason() == null || body.reason().isBlank() || body.reason().length() > 500) {
            throw RejectedProblem.of(List.of(new Problem.FieldError("reason", "is required, at most 500 characters")), "a recall");
        }
        TenantId owner = tenant.get();
        String reason = body.reason().trim();
        return pool.withTransaction(tx -> cases.load(tx, owner, id).chain(before -> cases.execute(tx, owner, id,
                                new CollectionCase.Recall(reason, clock.instant()), null)
                        .call(decision -> decision instanceof Decision.Decided<CollectionEvent> decided && !decided.events().isEmpty()
                                ? (before.orElseThrow().status().handedOver() ? notices.recall(tx, owner, id, before.get().partnerId(), reason)
                                        : handOvers.cancel(tx, id))
                                : Uni.createFrom().voidItem())))
                .onFailure(ConcurrencyConflictException.class).retry().atMost(3)
                .map(decision -> switch (decision) {
                    case Decision.Refused<CollectionEvent> refused -> {
                        Violation why = refused.first();
                        if (why.field().equals("collectionCaseId")) {
                            throw missing(id);
                        }
                        throw new ConflictProblem(why.message(), List.of(new Problem.FieldError(why.field(), why.message())));
                    }
                    case Decision.Decided<CollectionEvent> decided -> decided;
                })
                .chain(() -> one(id));
    }

    /**
     * A hand-over that failed (HAND_OVER_FAILED) is tried again now, its attempts counted afresh — after the partner's
     * API or settings were put right. 202: the case as it is; it becomes SUBMITTED when the partner takes it.
     */
    @POST
    @Path("/{id}/hand-over-retry")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Response> retryHandOver(@PathParam("id") UUID id) {
        TenantId owner = tenant.get();
        return cases.find(pool, owner, id).chain(found -> {
            CollectionCases.Entry entry = found.orElseThrow(() -> missing(id));
            if (!"HAND_OVER_FAILED".equals(entry.status())) {
                String why = "is " + entry.status() + ": only a failed hand-over is tried again";
                throw new ConflictProblem("the case " + why, List.of(new Problem.FieldError("status", why)));
            }
            return pool.withTransaction(tx -> handOvers.retry(tx, owner, id));
        }).chain(retried -> {
            if (!retried) {
                throw new ConflictProblem("the case's hand-over is not waiting for a retry", List.of(new Problem.FieldError("status",
                        "has no failed hand-over")));
            }
            return one(id);
        }).map(detail -> Response.accepted(detail).build());
    }

    private static NotFoundProblem missing(UUID id) {
        return new NotFoundProblem("collection case", id);
    }
}
