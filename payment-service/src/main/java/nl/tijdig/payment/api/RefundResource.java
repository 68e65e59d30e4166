package nl.tijdig.payment.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Iban;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.kernel.Violation;
import nl.tijdig.payment.store.OpenItems;
import nl.tijdig.payment.store.Refunds;
import nl.tijdig.runtime.idempotency.Idempotency;
import nl.tijdig.runtime.json.Limits;
import nl.tijdig.runtime.json.Text;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/**
 * Refunds of a debtor's credit: the amount is taken off the credit at once (CreditRefunded) and paid by
 * SEPA credit transfer in the tenant's next pain.001 file ({@code POST /sepa-files/credit-transfers}).
 */
@Path("/refunds")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RefundResource {

    /** What to pay back to whom: the debtor's IBAN and name unless others are given. */
    public record RefundRequest(UUID debtorId, BigDecimal amount, @Text(max = Limits.CODE) String currency, @Text(max = Limits.CODE) String iban, @Text(max = Limits.CODE) String bic,
            @Text(max = Limits.NAME) String accountHolder, @Text(max = Limits.NOTE, lines = true) String reason) {
    }

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    IdGenerator ids;

    @Inject
    Refunds refunds;

    @Inject
    OpenItems openItems;

    @Inject
    Idempotency idempotency;

    /**
     * Refunds credit: 201 with the refund. 422 names each bad field (more than the debtor's credit is one);
     * an unknown debtor is 404. With an {@code Idempotency-Key} a repeat refunds nothing twice.
     */
    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<jakarta.ws.rs.core.Response> refund(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            RefundRequest request) {
        TenantId owner = tenant.get();
        if (request == null) {
            throw PaymentResource.rejected(List.of(new Violation("body", "is required")));
        }
        List<Violation> violations = new ArrayList<>();
        Currency currency = Money.EUR;
        if (request.currency() != null && !"EUR".equals(request.currency())) {
            violations.add(new Violation("currency", "must be EUR (SEPA credit transfers are in euro)"));
        }
        if (request.debtorId() == null) {
            violations.add(new Violation("debtorId", "is required"));
        }
        if (request.amount() == null) {
            violations.add(new Violation("amount", "is required"));
        } else if (request.amount().signum() <= 0) {
            violations.add(new Violation("amount", "must be more than zero"));
        } else if (request.amount().stripTrailingZeros().scale() > 2) {
            violations.add(new Violation("amount", "has more than 2 decimals"));
        }
        String givenIban = OpenItems.normalIban(request.iban());
        if (givenIban != null && !Iban.isValid(givenIban)) {
            violations.add(new Violation("iban", "is not a valid IBAN"));
        }
        String bic = request.bic() == null || request.bic().isBlank() ? null : request.bic().trim().toUpperCase(Locale.ROOT);
        if (bic != null && !bic.matches("[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?")) {
            violations.add(new Violation("bic", "is not a BIC (8 or 11 characters)"));
        }
        if (request.reason() != null && request.reason().length() > 140) {
            violations.add(new Violation("reason", "is longer than 140 characters (the transfer's remittance)"));
        }
        if (!violations.isEmpty()) {
            throw PaymentResource.rejected(violations);
        }
        DebtorId debtor = new DebtorId(request.debtorId());
        Money amount = Money.of(request.amount(), currency);
        UUID refundId = ids.next();
        return pool.withTransaction(tx -> idempotency.once(tx, owner, "POST /refunds", idempotencyKey, request,
                () -> openItems.debtorAccount(tx, owner, debtor).flatMap(found -> {
                    OpenItems.DebtorAccount account = found.orElseThrow(() -> new NotFoundProblem("debtor", debtor.value()));
                    String iban = givenIban != null ? givenIban : account.iban();
                    String holder = request.accountHolder() != null && !request.accountHolder().isBlank()
                            ? request.accountHolder() : account.name();
                    if (iban == null || !Iban.isValid(iban)) {
                        throw PaymentResource.rejected(List.of(new Violation("iban",
                                "is required: the debtor has no valid IBAN on record")));
                    }
                    return refunds.lockCredit(tx, owner, debtor, currency).flatMap(credit -> {
                        if (credit.compareTo(amount) < 0) {
                            throw PaymentResource.rejected(List.of(new Violation("amount",
                                    "is more than the debtor's credit (" + credit.amount().toPlainString() + " "
                                            + currency + ")")));
                        }
                        String endToEnd = "TRF" + refundId.toString().replace("-", "");
                        return refunds.record(tx, owner, new Refunds.Refund(refundId, debtor.value(), amount, iban, bic,
                                holder, request.reason(), endToEnd, null, refunds.now()), credit);
                    });
                }).map(refund -> new Idempotency.Outcome(201, "/refunds/" + refund.refundId(), refund))));
    }

    @GET
    @Path("/{id}")
    public Uni<Refunds.Refund> get(@PathParam("id") UUID id) {
        return refunds.load(pool, tenant.get(), id).map(found -> found.orElseThrow(() -> new NotFoundProblem("refund", id)));
    }
}
