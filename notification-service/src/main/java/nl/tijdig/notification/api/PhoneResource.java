package nl.tijdig.notification.api;

import nl.tijdig.runtime.json.Limits;
import nl.tijdig.runtime.json.Text;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.tijdig.eventstore.ConcurrencyConflictException;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.notification.domain.CallReport;
import nl.tijdig.notification.domain.PhoneTask;
import nl.tijdig.notification.store.PhoneTasks;
import nl.tijdig.runtime.problem.ConflictProblem;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/**
 * Phone calls to debtors: the tenant's work list of tasks dunning asked for (PhoneCallDue), claimed and
 * completed by staff with what came of the call, and calls made without a task (about cases of the
 * debtor that dunning wrote or called about). Every call recorded is
 * published (PhoneCallCompleted): a promise or dispute made on the phone holds dunning.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PhoneResource {

    static final List<String> STATUSES = List.of("OPEN", "CLAIMED", "DONE");

    /**
     * A call's event goes on its case's stream, which the sender may be writing to at the same moment (a
     * letter recorded as sent): the transaction is then run again, not refused.
     */
    static final int RETRIES = 10;

    /** What came of a call. */
    public record Report(@Text(max = Limits.CODE) String outcome, LocalDate promisedBy, @Text(max = Limits.CODE) String disputeReason, @Text(max = Limits.NOTE, lines = true) String notes, @Text(max = Limits.NAME) String spokeWith,
            Instant calledAt) {
    }

    /** A call made without a task: to which debtor, about which of its cases, and what came of it. */
    public record CallRequest(UUID debtorId, List<UUID> caseIds, @Text(max = Limits.CODE) String outcome, LocalDate promisedBy, @Text(max = Limits.CODE) String disputeReason,
            @Text(max = Limits.NOTE, lines = true) String notes, @Text(max = Limits.NAME) String spokeWith, Instant calledAt) {
    }

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    SecurityIdentity identity;

    @Inject
    PhoneTasks tasks;

    @Inject
    Clock clock;

    /** The work list, due first: by {@code status} (OPEN, CLAIMED, DONE), at most {@code limit} (1 to 500). */
    @GET
    @Path("phone-tasks")
    @RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
    public Uni<List<PhoneTasks.Task>> list(@QueryParam("status") String status, @QueryParam("limit") @DefaultValue("100") int limit) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new Problem.FieldError("status", "must be one of " + STATUSES));
        }
        if (limit < 1 || limit > 500) {
            errors.add(new Problem.FieldError("limit", "must be 1 to 500"));
        }
        if (!errors.isEmpty()) {
            throw RejectedProblem.of(errors, "a phone task query");
        }
        return tasks.list(pool, tenant.get(), status, limit);
    }

    /** Claims the task for the caller: 409 when someone else has it or it is done. */
    @POST
    @Path("phone-tasks/{id}/claim")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.COLLECTOR})
    public Uni<PhoneTasks.Task> claim(@PathParam("id") UUID id) {
        TenantId owner = tenant.get();
        String user = identity.getPrincipal().getName();
        return pool.withTransaction(tx -> tasks.lock(tx, owner, id).chain(found -> {
            PhoneTasks.Task task = found.orElseThrow(() -> new NotFoundProblem("phone task", id));
            return switch (PhoneTask.claim(state(task), user)) {
                case PhoneTask.Changed changed -> tasks.claimed(tx, task, changed.state());
                case PhoneTask.Refused refused -> throw conflict(refused);
            };
        }));
    }

    /** Records the call's outcome: the task is done, the call logged and published. */
    @POST
    @Path("phone-tasks/{id}/completion")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.COLLECTOR})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PhoneTasks.Task> complete(@PathParam("id") UUID id, Report request) {
        CallReport report = report(request == null ? new Report(null, null, null, null, null, null) : request);
        TenantId owner = tenant.get();
        String user = identity.getPrincipal().getName();
        return pool.withTransaction(tx -> tasks.lock(tx, owner, id).chain(found -> {
            PhoneTasks.Task task = found.orElseThrow(() -> new NotFoundProblem("phone task", id));
            return switch (PhoneTask.complete(state(task), user)) {
                case PhoneTask.Changed changed -> tasks.completed(tx, owner, task, report, user);
                case PhoneTask.Refused refused -> throw conflict(refused);
            };
        })).onFailure(ConcurrencyConflictException.class).retry().atMost(RETRIES);
    }

    /** Logs a call made without a task. */
    @POST
    @Path("phone-calls")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.COLLECTOR})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> call(CallRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request == null || request.debtorId() == null) {
            errors.add(new Problem.FieldError("debtorId", "is required"));
        }
        if (request == null || request.caseIds() == null || request.caseIds().isEmpty() || request.caseIds().contains(null)
                || request.caseIds().size() > 100) {
            errors.add(new Problem.FieldError("caseIds", "is required: the debtor's cases the call was about (1 to 100)"));
        }
        CallReport.Result result = check(request == null ? new Report(null, null, null, null, null, null)
                : new Report(request.outcome(), request.promisedBy(), request.disputeReason(), request.notes(),
                        request.spokeWith(), request.calledAt()));
        result.violations().forEach(v -> errors.add(new Problem.FieldError(v.field(), v.message())));
        if (!errors.isEmpty()) {
            throw RejectedProblem.of(errors, "a phone call");
        }
        TenantId owner = tenant.get();
        String user = identity.getPrincipal().getName();
        List<CaseId> cases = request.caseIds().stream().distinct().map(CaseId::new).toList();
        DebtorId debtor = new DebtorId(request.debtorId());
        return tasks.unknown(pool, owner, debtor, cases).chain(unknown -> {
            if (!unknown.isEmpty()) {
                throw RejectedProblem.of(List.of(new Problem.FieldError("caseIds", "not dunning cases of this debtor that letters "
                        + "or calls were asked for: " + unknown)), "a phone call");
            }
            return pool.withTransaction(tx -> tasks.record(tx, owner, null, debtor, cases, result.report(), user))
                    .onFailure(ConcurrencyConflictException.class).retry().atMost(RETRIES);
        }).map(call -> Response.status(201).entity(call).build());
    }

    /** The call log, newest first: of one case ({@code caseId}), at most {@code limit} (1 to 500). */
    @GET
    @Path("phone-calls")
    @RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
    public Uni<List<PhoneTasks.Call>> calls(@QueryParam("caseId") String caseId, @QueryParam("limit") @DefaultValue("100") int limit) {
        List<Problem.FieldError> errors = new ArrayList<>();
        UUID caseUuid = null;
        if (caseId != null) {
            try {
                caseUuid = UUID.fromString(caseId);
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("caseId", "must be a UUID"));
            }
        }
        if (limit < 1 || limit > 500) {
            errors.add(new Problem.FieldError("limit", "must be 1 to 500"));
        }
        if (!errors.isEmpty()) {
            throw RejectedProblem.of(errors, "a phone call query");
        }
        return tasks.calls(pool, tenant.get(), caseUuid, limit);
    }

    private CallReport report(Report request) {
        CallReport.Result result = check(request);
        if (!result.violations().isEmpty()) {
            throw RejectedProblem.of(result.violations().stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList(),
                    "a call report");
        }
        return result.report();
    }

    private CallReport.Result check(Report r) {
        return CallReport.check(r.outcome(), r.promisedBy(), r.disputeReason(), r.notes(), r.spokeWith(), r.calledAt(),
                clock.instant(), BusinessTime.today(clock));
    }

    private static PhoneTask.State state(PhoneTasks.Task task) {
        return new PhoneTask.State(PhoneTask.Status.valueOf(task.status()), task.claimedBy());
    }

    private static ConflictProblem conflict(PhoneTask.Refused refused) {
        return new ConflictProblem(refused.reason(), List.of(new Problem.FieldError("status", refused.reason())));
    }

}
