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
import nl.tijdig.dunning.store.DunningSettingsStore;
import nl.tijdig.dunning.store.InterestRateStore;
import nl.tijdig.dunning.store.Projections;
import nl.tijdig.events.CreditorSnapshot;
import nl.tijdig.events.DebtorContact;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.kernel.Decision;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.kernel.Violation;
import nl.tijdig.runtime.json.Limits;
import nl.tijdig.runtime.json.Text;
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

    /** The debtor disputes the invoice: why, and a note. */
    public record DisputeRequest(DunningCase.DisputeReason reason, @Text(max = Limits.NOTE, lines = true) String note) {
    }

    /** How the dispute ended, and a note. */
    public record ResolutionRequest(DunningCase.DisputeOutcome outcome, @Text(max = Limits.NOTE, lines = true) String note) {
    }

    /** A payment plan: its instalments (dates ascending, summing to what is open) and grace days (0–30, default 5). */
    public record PlanRequest(List<InstalmentRequest> instalments, Integer graceDays) {
    }

    /** One instalment. */
    public record InstalmentRequest(java.time.LocalDate dueOn, java.math.BigDecimal amount) {
    }

    /** Why the claim is written off. */
    public record WriteOffRequest(@Text(max = Limits.NOTE, lines = true) String reason) {
    }

    /** A second user's decision on a pending write-off. */
    public record WriteOffDecision(Boolean approve) {
    }

    /** Why the creditor does not hand the claim over (now). */
    public record RejectionRequest(@Text(max = Limits.NOTE, lines = true) String note) {
    }

    /** The day the debtor promised to pay by. */
    public record PromiseRequest(java.time.LocalDate payBy) {
    }

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

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
    DunningSettingsStore settings;

    @Inject
    Clock clock;

    @Inject
    nl.tijdig.dunning.store.Timeline timeline;

    @Inject
    nl.tijdig.kernel.IdGenerator ids;

    /** Every fact and step of the case in order, in words, with who did it and each letter's reminder id. */
    @GET
    @Path("/timeline")
    public Uni<List<nl.tijdig.dunning.store.Timeline.Entry>> timeline(@PathParam("id") UUID id) {
        TenantId owner = tenant.get();
        return cases.get(pool, owner, id).flatMap(found -> {
            found.orElseThrow(() -> new NotFoundProblem("case", id));
            return timeline.of(pool, owner, new InvoiceId(id));
        });
    }

    /**
     * The claim on a day (today by default) in the parts the law gives: each payment paid the collection costs owed
     * then (from the day after the final notice's term: the costs it announced), then the interest, then the
     * principal (art. 6:44 BW). {@code principal} differs from the invoice-service's open principal by what payments
     * paid of costs and interest; {@code total} is the same either way.
     */
    public record ClaimView(UUID caseId, java.time.LocalDate on, nl.tijdig.kernel.Money principal,
            nl.tijdig.kernel.Money interest, nl.tijdig.kernel.Money costs, nl.tijdig.kernel.Money total,
            nl.tijdig.kernel.Money openPrincipal, java.time.LocalDate costsFrom, nl.tijdig.kernel.Money announcedCosts,
            boolean provisional) {
    }

    @GET
    @Path("/claim")
    public Uni<ClaimView> claim(@PathParam("id") UUID id) {
        TenantId owner = tenant.get();
        java.time.LocalDate today = BusinessTime.today(clock);
        return cases.read(pool, owner, new InvoiceId(id)).flatMap(found -> {
            CaseStore.CaseRow row = found.orElseThrow(() -> new NotFoundProblem("case", id));
            return rates.load(pool).map(table -> {
                Letter.Invoice invoice = row.invoice();
                Letter.Claimed claimed = Letter.reckon(row.segment(), invoice, today, table);
                return new ClaimView(id, today, claimed.principal(), claimed.interestOwed(), claimed.costsOwed(),
                        claimed.total(), row.state().open(), invoice.costsFrom(), invoice.announcedCosts(),
                        table.provisional(today));
            });
        });
    }

    @GET
    public Uni<CaseStore.View> get(@PathParam("id") UUID id) {
        return cases.get(pool, tenant.get(), id).map(found -> found.orElseThrow(() -> new NotFoundProblem("case", id)));
    }

    /**
     * The creditor approves the hand-over of a case awaiting approval, or of a claim back from an agency (RETURNED)
     * to another: EscalatedToCollection with the dossier and the costs its final notice announced. 409 otherwise.
     */
    @POST
    @Path("/approval")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<CaseStore.View> approve(@PathParam("id") UUID id) {
        TenantId owner = tenant.get();
        return pool.withTransaction(tx -> cases.lock(tx, owner, new InvoiceId(id)).flatMap(found -> {
            CaseStore.CaseRow row = found.orElseThrow(() -> new NotFoundProblem("case", id));
            if (row.state().status() != DunningCase.Status.AWAITING_APPROVAL
                    && row.state().status() != DunningCase.Status.RETURNED) {
                throw new ConflictProblem("case " + id + " is " + row.state().status(), List.of(new Problem.FieldError(
                        "status", "is " + row.state().status() + ": only a case awaiting approval, or back from an "
                                + "agency (RETURNED), is handed over")));
            }
            return projections.contact(tx, owner, row.debtorId()).flatMap(contact -> projections.creditor(tx, owner)
                    .flatMap(creditor -> rates.load(tx).flatMap(table -> projections.costsVatPercent(tx, owner).flatMap(vat -> {
                        DebtorContact debtor = contact.orElseThrow(() -> new ConflictProblem("the debtor's contact has "
                                + "not arrived from the invoice-service yet", List.of()));
                        CreditorSnapshot profile = creditor.orElseThrow(() -> new ConflictProblem("the creditor profile "
                                + "has not arrived from the invoice-service yet", List.of()));
                        Letter claim = Letter.claim(debtor.segment(), List.of(row.invoice()), BusinessTime.today(clock),
                                table, vat);
                        return cases.handle(tx, owner, row.caseId(), new DunningCase.Approve(BusinessTime.today(clock)), (r, next) ->
                                List.of(nl.tijdig.dunning.domain.Publications.escalated(owner, claim, debtor, profile, next,
                                        clock.instant())));
                    }))));
        })).chain(() -> get(id));
    }

    /**
     * The debtor disputes the invoice: the case is on hold and left out of letters until the dispute is
     * resolved; payments still count. 409 when it is disputed already or finished.
     */
    @POST
    @Path("/disputes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.COLLECTOR})
    public Uni<CaseStore.View> dispute(@PathParam("id") UUID id, DisputeRequest request) {
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        if (request == null || request.reason() == null) {
            errors.add(new Problem.FieldError("reason", "is required: INVOICE_WRONG, GOODS_NOT_RECEIVED, SERVICE_DISPUTED, "
                    + "AMOUNT_WRONG or OTHER"));
        }
        if (request != null && request.note() != null && request.note().length() > 1000) {
            errors.add(new Problem.FieldError("note", "is longer than 1000 characters"));
        }
        reject(errors, "a dispute");
        return decide(id, new DunningCase.OpenDispute(request.reason(), request.note(), user(), BusinessTime.today(clock)));
    }

    /** Resolves the dispute: RESUMED or CORRECTED go on with dunning; CREDITED waits for the credit note. */
    @POST
    @Path("/dispute-resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.COLLECTOR})
    public Uni<CaseStore.View> resolve(@PathParam("id") UUID id, ResolutionRequest request) {
        if (request == null || request.outcome() == null) {
            reject(List.of(new Problem.FieldError("outcome", "is required: RESUMED, CORRECTED or CREDITED")), "a resolution");
        }
        return decide(id, new DunningCase.ResolveDispute(request.outcome(), request.note(), user(), BusinessTime.today(clock)));
    }

    /**
     * The debtor promised to pay by a day (today up to a year ahead): reminders wait; the day after it,
     * with money still open, dunning resumes at the step it stood. 409 for a disputed, finished or
     * approval-awaiting case.
     */
    @POST
    @Path("/promise")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.COLLECTOR})
    public Uni<CaseStore.View> promise(@PathParam("id") UUID id, PromiseRequest request) {
        java.time.LocalDate today = BusinessTime.today(clock);
        if (request == null || request.payBy() == null) {
            reject(List.of(new Problem.FieldError("payBy", "is required (a date)")), "a promise");
        }
        if (request.payBy().isBefore(today) || request.payBy().isAfter(today.plusYears(1))) {
            reject(List.of(new Problem.FieldError("payBy", "must be from today (" + today + ") to a year ahead")), "a promise");
        }
        return decide(id, new DunningCase.Promise(request.payBy(), user(), today));
    }

    /**
     * Writes the claim off: at once when what is open is at most the tenant's threshold
     * ({@code /dunning-settings}); above it, it waits for a second user's decision. The case closes
     * (DunningCaseClosed WRITTEN_OFF).
     */
    @POST
    @Path("/write-off")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.COLLECTOR})
    public Uni<CaseStore.View> writeOff(@PathParam("id") UUID id, WriteOffRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank() || request.reason().length() > 500) {
            reject(List.of(new Problem.FieldError("reason", "is required (at most 500 characters)")), "a write-off");
        }
        TenantId owner = tenant.get();
        return settings.threshold(pool, owner).flatMap(threshold -> cases.get(pool, owner, id).flatMap(found -> {
            CaseStore.View view = found.orElseThrow(() -> new NotFoundProblem("case", id));
            boolean needsApproval = view.state().open().isGreaterThan(threshold);
            return decide(id, new DunningCase.RequestWriteOff(request.reason(), needsApproval, user(),
                    BusinessTime.today(clock)));
        }));
    }

    /** A second user approves or rejects a pending write-off; the user who asked for it cannot (409). */
    @POST
    @Path("/write-off/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<CaseStore.View> decideWriteOff(@PathParam("id") UUID id, WriteOffDecision request) {
        if (request == null || request.approve() == null) {
            reject(List.of(new Problem.FieldError("approve", "is required: true or false")), "a write-off decision");
        }
        return decide(id, new DunningCase.DecideWriteOff(request.approve(), user(), BusinessTime.today(clock)));
    }

    /**
     * Agrees a payment plan: no reminders while its instalments are met (each checked against what was
     * paid since, after its grace days); a missed one resumes dunning at the step it stood. 422 names each
     * bad instalment; 409 for a disputed, finished, approval- or write-off-awaiting case.
     */
    @POST
    @Path("/payment-plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.COLLECTOR})
    public Uni<CaseStore.View> plan(@PathParam("id") UUID id, PlanRequest request) {
        java.time.LocalDate today = BusinessTime.today(clock);
        TenantId owner = tenant.get();
        return cases.get(pool, owner, id).flatMap(found -> {
            CaseStore.View view = found.orElseThrow(() -> new NotFoundProblem("case", id));
            nl.tijdig.kernel.Money open = view.state().open();
            List<Problem.FieldError> errors = new java.util.ArrayList<>();
            List<DunningCase.Instalment> instalments = new java.util.ArrayList<>();
            int grace = request == null || request.graceDays() == null ? 5 : request.graceDays();
            if (grace < 0 || grace > 30) {
                errors.add(new Problem.FieldError("graceDays", "must be 0 to 30"));
            }
            List<InstalmentRequest> asked = request == null || request.instalments() == null ? List.of() : request.instalments();
            if (asked.size() < 2 || asked.size() > 24) {
                errors.add(new Problem.FieldError("instalments", "a plan has 2 to 24 instalments"));
            }
            nl.tijdig.kernel.Money sum = nl.tijdig.kernel.Money.zero(open.currency());
            java.time.LocalDate previous = today.minusDays(1);
            for (int i = 0; i < asked.size(); i++) {
                InstalmentRequest in = asked.get(i);
                String at = "instalments[" + i + "]";
                if (in == null || in.dueOn() == null || !in.dueOn().isAfter(previous)) {
                    errors.add(new Problem.FieldError(at + ".dueOn", "is required, from today, after the one before"));
                } else {
                    previous = in.dueOn();
                }
                if (in == null || in.amount() == null || in.amount().signum() <= 0 || in.amount().stripTrailingZeros().scale() > 2) {
                    errors.add(new Problem.FieldError(at + ".amount", "is required: more than zero, at most 2 decimals"));
                } else if (in.dueOn() != null) {
                    nl.tijdig.kernel.Money amount = nl.tijdig.kernel.Money.of(in.amount(), open.currency());
                    sum = sum.plus(amount);
                    instalments.add(new DunningCase.Instalment(in.dueOn(), amount));
                }
            }
            if (errors.isEmpty() && !sum.equals(open)) {
                errors.add(new Problem.FieldError("instalments", "sum to " + sum.amount().toPlainString() + "; "
                        + open.amount().toPlainString() + " is open"));
            }
            reject(errors, "a payment plan");
            DunningCase.AgreePlan command = new DunningCase.AgreePlan(instalments, grace, user(), today);
            return pool.withTransaction(tx -> cases.lock(tx, owner, new InvoiceId(id)).flatMap(locked -> {
                CaseStore.CaseRow row = locked.orElseThrow(() -> new NotFoundProblem("case", id));
                return projections.contact(tx, owner, row.debtorId()).flatMap(contact -> projections.creditor(tx, owner)
                        .flatMap(creditor -> {
                            if (contact.isEmpty() || creditor.isEmpty()) {
                                throw new ConflictProblem("the plan cannot be confirmed to the debtor yet: the "
                                        + (contact.isEmpty() ? "debtor's contact details have" : "creditor profile has")
                                        + " not arrived from the invoice-service; try again shortly",
                                        List.of(new Problem.FieldError(contact.isEmpty() ? "debtor" : "creditor", "not known yet")));
                            }
                            return cases.handle(tx, owner, row.caseId(), command, (r, next) -> List.of(nl.tijdig.dunning.domain.Publications.planAgreed(
                                    owner, ids.next(), new nl.tijdig.kernel.CaseId(r.caseId().value()), r.invoice(), r.paymentReference(),
                                    r.payLink(), new DunningCase.PlanAgreed(command.instalments(), command.graceDays(),
                                            r.state().open(), command.by(), command.on()), contact.get(), creditor.get(),
                                    clock.instant())));
                        }))
                        .map(events -> {
                            if (events.isEmpty()) {
                                throw new ConflictProblem("case " + id + " is " + row.state().status() + ": it is disputed, "
                                        + "finished, or awaiting approval or a write-off decision",
                                        List.of(new Problem.FieldError("status", "is " + row.state().status())));
                            }
                            return events;
                        });
            })).chain(() -> get(id));
        });
    }

    /** The creditor rejects the hand-over of a case awaiting approval: the case is paused. */
    @POST
    @Path("/approval-rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<CaseStore.View> rejectEscalation(@PathParam("id") UUID id, RejectionRequest request) {
        return decide(id, new DunningCase.RejectEscalation(request == null ? null : request.note(), user(),
                BusinessTime.today(clock)));
    }

    private String user() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    private static void reject(List<Problem.FieldError> errors, String what) {
        if (!errors.isEmpty()) {
            throw nl.tijdig.runtime.problem.RejectedProblem.of(errors, what);
        }
    }

    /**
     * Decides the command on the case: 404 unknown; a refusal of the domain is a 409 naming its field (the case's
     * status, or the four-eyes rule's {@code approve}).
     */
    private Uni<CaseStore.View> decide(UUID id, DunningCase.Command command) {
        TenantId owner = tenant.get();
        return pool.withTransaction(tx -> cases.lock(tx, owner, new InvoiceId(id)).flatMap(found -> {
            CaseStore.CaseRow row = found.orElseThrow(() -> new NotFoundProblem("case", id));
            if (DunningCase.decision(command, row.state()) instanceof Decision.Refused<DunningCase.Event> refused) {
                throw conflict(id, row.state().status(), refused.violations().get(0));
            }
            return cases.handle(tx, owner, row.caseId(), command);
        })).chain(() -> get(id));
    }

    private static ConflictProblem conflict(UUID id, DunningCase.Status status, Violation violation) {
        return violation.field().equals("status")
                ? new ConflictProblem("case " + id + " is " + status + ": it " + violation.message(),
                        List.of(new Problem.FieldError("status", "is " + status)))
                : new ConflictProblem("four eyes: " + violation.message(),
                        List.of(new Problem.FieldError(violation.field(), violation.message())));
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
