package nl.tijdig.dunning.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.tijdig.dunning.domain.DunningCase;
import nl.tijdig.dunning.domain.Letter;
import nl.tijdig.dunning.store.CaseStore;
import nl.tijdig.dunning.store.InterestRateStore;
import nl.tijdig.dunning.store.Projections;
import nl.tijdig.dunning.store.Scheduler;
import nl.tijdig.events.CreditorSnapshot;
import nl.tijdig.events.DebtorContact;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.runtime.problem.ConflictProblem;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/**
 * The dunning case of an invoice (its id is the invoice's): status, what is open, the steps taken, the
 * next day; the creditor's approval of a hand-over to a collection agency; pausing one case.
 */
@Path("/cases/{id}")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    /** Pause the case (true) or let it go on (false). */
    public record PauseRequest(Boolean paused) {
    }

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    CaseStore cases;

    @Inject
    Projections projections;

    @Inject
    InterestRateStore rates;

    @Inject
    Clock clock;

    @GET
    public Uni<CaseStore.View> get(@PathParam("id") UUID id) {
        return cases.get(pool, tenant.get(), id).map(found -> found.orElseThrow(() -> new NotFoundProblem("case", id)));
    }

    /**
     * The creditor approves the hand-over of a case awaiting approval: EscalatedToCollection with the
     * dossier. 409 when the case is not awaiting approval.
     */
    @POST
    @Path("/approval")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<CaseStore.View> approve(@PathParam("id") UUID id) {
        TenantId owner = tenant.get();
        return pool.withTransaction(tx -> cases.lock(tx, owner, new InvoiceId(id)).flatMap(found -> {
            CaseStore.CaseRow row = found.orElseThrow(() -> new NotFoundProblem("case", id));
            if (row.state().status() != DunningCase.Status.AWAITING_APPROVAL) {
                throw new ConflictProblem("case " + id + " is " + row.state().status(), List.of(new Problem.FieldError(
                        "status", "is " + row.state().status() + ": only a case awaiting approval is handed over")));
            }
            return projections.contact(tx, owner, row.debtorId()).flatMap(contact -> projections.creditor(tx, owner)
                    .flatMap(creditor -> rates.load(tx).flatMap(table -> {
                        DebtorContact debtor = contact.orElseThrow(() -> new ConflictProblem("the debtor's contact has "
                                + "not arrived from the invoice-service yet", List.of()));
                        CreditorSnapshot profile = creditor.orElseThrow(() -> new ConflictProblem("the creditor profile "
                                + "has not arrived from the invoice-service yet", List.of()));
                        Letter claim = Letter.claim(debtor.segment(), List.of(row.invoice()), BusinessTime.today(clock),
                                table, Scheduler.NO_VAT_UPLIFT);
                        return cases.handle(tx, owner, row.caseId(), new DunningCase.Approve(), (r, next) ->
                                List.of(nl.tijdig.dunning.store.Publications.escalated(owner, claim, debtor, profile, next,
                                        clock.instant())));
                    })));
        })).chain(() -> get(id));
    }

    /** Pauses the case (a dispute, an arrangement) or lets it go on: no step is taken while it is paused. */
    @POST
    @Path("/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.COLLECTOR})
    public Uni<CaseStore.View> pause(@PathParam("id") UUID id, PauseRequest request) {
        if (request == null || request.paused() == null) {
            throw nl.tijdig.runtime.problem.RejectedProblem.of(List.of(new Problem.FieldError("paused",
                    "is required: true to pause, false to go on")), "a pause");
        }
        TenantId owner = tenant.get();
        return pool.withTransaction(tx -> cases.lock(tx, owner, new InvoiceId(id)).flatMap(found -> {
            found.orElseThrow(() -> new NotFoundProblem("case", id));
            return cases.handle(tx, owner, new InvoiceId(id), new DunningCase.Pause(request.paused()));
        })).chain(() -> get(id));
    }
}
