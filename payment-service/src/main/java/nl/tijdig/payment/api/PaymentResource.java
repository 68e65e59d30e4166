package nl.tijdig.payment.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Iban;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.PaymentId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.kernel.Violation;
import nl.tijdig.payment.domain.IncomingPayment;
import nl.tijdig.payment.domain.ManualAllocation;
import nl.tijdig.payment.domain.Match;
import nl.tijdig.payment.domain.PaymentMatcher;
import nl.tijdig.payment.store.OpenItems;
import nl.tijdig.payment.store.PaymentSettings;
import nl.tijdig.payment.store.Payments;
import nl.tijdig.runtime.idempotency.Idempotency;
import nl.tijdig.runtime.json.Limits;
import nl.tijdig.runtime.json.Text;
import nl.tijdig.runtime.problem.ConflictProblem;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/**
 * Payments of the caller's tenant: report one (it is matched to open invoices at once and published
 * as PaymentReceived, or queued as PaymentUnmatched), read them, list the unmatched queue, and allocate
 * an unmatched one by hand.
 */
@Path("/payments")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    public static final int MAX_PAGE = 200;
    static final Set<String> STATUSES = Set.of("MATCHED", "UNMATCHED", "ALLOCATED");

    /**
     * A payment that came in: amount (decimal) and currency (default EUR), value date, payer name and
     * IBAN, remittance text or structured reference, and optionally the invoice it pays.
     */
    public record ReportRequest(BigDecimal amount, @Text(max = Limits.CODE) String currency, LocalDate valueDate, @Text(max = Limits.NAME) String payerName,
            @Text(max = Limits.CODE) String payerIban, @Text(max = 500) String remittanceInformation, UUID invoiceId) {
    }

    /** One invoice and the amount of the payment for it. */
    public record PartRequest(UUID invoiceId, BigDecimal amount) {
    }

    /** Staff's allocation: invoices of one debtor, the rest that debtor's credit; or only a debtor (all credit). */
    public record AllocationRequest(List<PartRequest> allocations, UUID debtorId) {
    }

    /** A page of payments and the cursor of the next (null on the last). */
    public record PaymentPage(List<Payments.Stored> payments, UUID next) {
    }

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    IdGenerator ids;

    @Inject
    Payments payments;

    @Inject
    OpenItems openItems;

    @Inject
    PaymentSettings settings;

    @Inject
    Idempotency idempotency;

    /**
     * Reports a payment; 201 with how it was placed (MATCHED with its rule and allocations, or
     * UNMATCHED with the reason). With an {@code Idempotency-Key} a repeat records nothing twice.
     */
    @POST
    @RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN})
    public Uni<Response> report(@HeaderParam(Idempotency.HEADER) String idempotencyKey, ReportRequest request) {
        TenantId owner = tenant.get();
        IncomingPayment payment = incoming(request);
        PaymentId id = new PaymentId(ids.next());
        return pool.withTransaction(tx -> idempotency.once(tx, owner, "POST /payments", idempotencyKey, request,
                () -> settings.tolerance(tx, owner).flatMap(tolerance -> openItems.candidates(tx, owner, payment)
                        .flatMap(candidates -> switch (PaymentMatcher.match(payment, candidates,
                                inCurrency(tolerance, payment.amount().currency()))) {
                            case Match.Matched matched -> payments.received(tx, owner, id, payment,
                                    PaymentReceived.Source.API, matched);
                            case Match.Unmatched unmatched -> payments.unmatched(tx, owner, id, payment,
                                    PaymentReceived.Source.API, unmatched.reason());
                        }))
                        .map(stored -> new Idempotency.Outcome(201, "/payments/" + stored.paymentId(), stored))));
    }

    /** The tenant's payments, newest first; {@code status} MATCHED, UNMATCHED (the queue) or ALLOCATED. */
    @GET
    public Uni<PaymentPage> list(@QueryParam("status") String status, @QueryParam("after") UUID after,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_PAGE) int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw rejected(List.of(new Violation("status", "must be one of MATCHED, UNMATCHED, ALLOCATED")));
        }
        return payments.list(pool, tenant.get(), status, after, limit + 1)
                .map(list -> list.size() > limit ? new PaymentPage(list.subList(0, limit), list.get(limit - 1).paymentId())
                        : new PaymentPage(list, null));
    }

    @GET
    @Path("/{id}")
    public Uni<Payments.Stored> get(@PathParam("id") UUID id) {
        return payments.load(pool, tenant.get(), new PaymentId(id))
                .map(found -> found.orElseThrow(() -> new NotFoundProblem("payment", id)));
    }

    /**
     * Allocates an unmatched payment: to invoices of one debtor (each at most what is open), the rest as
     * that debtor's credit; publishes PaymentReceived. A payment placed already is a 409.
     */
    @POST
    @Path("/{id}/allocation")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.COLLECTOR})
    public Uni<Payments.Stored> allocate(@PathParam("id") UUID id, AllocationRequest request) {
        TenantId owner = tenant.get();
        AllocationRequest body = request == null ? new AllocationRequest(null, null) : request;
        return pool.withTransaction(tx -> payments.load(tx, owner, new PaymentId(id)).flatMap(found -> {
            Payments.Stored payment = found.orElseThrow(() -> new NotFoundProblem("payment", id));
            if (!"UNMATCHED".equals(payment.status())) {
                throw new ConflictProblem("payment " + id + " is " + payment.status() + " already",
                        List.of(new Problem.FieldError("status", "is " + payment.status() + ": only an unmatched payment "
                                + "is allocated by hand")));
            }
            List<ManualAllocation.Part> parts = parts(body.allocations(), payment.amount().currency());
            DebtorId debtor = body.debtorId() == null ? null : new DebtorId(body.debtorId());
            return openItems.lock(tx, owner, parts.stream().map(ManualAllocation.Part::invoiceId)
                    .filter(java.util.Objects::nonNull).toList()).flatMap(items -> {
                        List<Violation> violations = ManualAllocation.validate(payment.amount(), parts, debtor, items);
                        if (!violations.isEmpty()) {
                            throw rejected(violations);
                        }
                        return settings.tolerance(tx, owner).flatMap(tolerance -> payments.received(tx, owner,
                                new PaymentId(id), new IncomingPayment(payment.amount(), payment.valueDate(),
                                        payment.payerName(), payment.payerIban(), payment.remittanceInformation(), null),
                                payment.source(), ManualAllocation.allocate(payment.amount(), parts, debtor, items,
                                        inCurrency(tolerance, payment.amount().currency()))));
                    });
        }));
    }

    private static Money inCurrency(Money tolerance, Currency currency) {
        return tolerance.currency().equals(currency) ? tolerance : Money.zero(currency);
    }

    private static IncomingPayment incoming(ReportRequest request) {
        if (request == null) {
            throw rejected(List.of(new Violation("body", "is required")));
        }
        List<Violation> violations = new ArrayList<>();
        Currency currency = Money.EUR;
        if (request.currency() != null) {
            try {
                currency = Money.currency(request.currency());
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("currency", "is not an ISO 4217 currency code"));
            }
        }
        if (request.amount() == null) {
            violations.add(new Violation("amount", "is required"));
        } else if (request.amount().signum() <= 0) {
            violations.add(new Violation("amount", "must be more than zero"));
        } else if (request.amount().stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            violations.add(new Violation("amount", "has more decimals than " + currency + " has"));
        }
        if (request.valueDate() == null) {
            violations.add(new Violation("valueDate", "is required"));
        }
        String iban = Iban.normal(request.payerIban());
        if (iban != null && !Iban.isValid(iban)) {
            violations.add(new Violation("payerIban", Iban.REFUSAL));
        }
        if (request.remittanceInformation() != null && request.remittanceInformation().length() > 500) {
            violations.add(new Violation("remittanceInformation", "is longer than 500 characters"));
        }
        if (!violations.isEmpty()) {
            throw rejected(violations);
        }
        return new IncomingPayment(Money.of(request.amount(), currency), request.valueDate(), request.payerName(), iban,
                request.remittanceInformation(), request.invoiceId() == null ? null : new InvoiceId(request.invoiceId()));
    }

    private static List<ManualAllocation.Part> parts(List<PartRequest> requested, Currency currency) {
        List<ManualAllocation.Part> parts = new ArrayList<>();
        for (PartRequest part : requested == null ? List.<PartRequest>of() : requested) {
            if (part == null) {
                parts.add(new ManualAllocation.Part(null, null));
                continue;
            }
            parts.add(new ManualAllocation.Part(part.invoiceId() == null ? null : new InvoiceId(part.invoiceId()),
                    part.amount() == null ? null : Money.of(part.amount(), currency)));
        }
        return parts;
    }

    /** Refused: the tenant's own account (name, IBAN) comes with its creditor profile, which is not here yet. */
    static RejectedProblem noCreditorAccount() {
        return rejected(List.of(new Violation("creditorProfile",
                "has no IBAN here yet: set the tenant's creditor profile (invoice-service) first")));
    }

    static RejectedProblem rejected(List<Violation> violations) {
        return RejectedProblem.of(violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList(),
                "a payment");
    }
}
