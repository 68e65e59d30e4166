package nl.tijdig.payment.api;

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
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Iban;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.kernel.Violation;
import nl.tijdig.payment.domain.Mandate;
import nl.tijdig.payment.store.Mandates;
import nl.tijdig.payment.store.OpenItems;
import nl.tijdig.runtime.json.Limits;
import nl.tijdig.runtime.json.Text;
import nl.tijdig.runtime.problem.ConflictProblem;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/**
 * A debtor's SEPA direct-debit mandate: the one the creditor holds (signed on paper or electronically),
 * by which its direct-debit runs collect the debtor's due invoices. One per debtor; a new one replaces
 * it; deleting it revokes it.
 */
@Path("/debtors/{id}/mandate")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MandateResource {

    /** A mandate: reference, scheme CORE or B2B, type RECURRING (default) or ONE_OFF, account, signing date. */
    public record MandateRequest(@Text(max = Limits.CODE) String mandateId, @Text(max = Limits.CODE) String scheme, @Text(max = Limits.CODE) String type, @Text(max = Limits.CODE) String iban, @Text(max = Limits.CODE) String bic, LocalDate signedOn) {
    }

    /** The mandate and whether a collection was made under it. */
    public record MandateView(UUID debtorId, String mandateId, Mandate.Scheme scheme, Mandate.Type type, String iban,
            String bic, LocalDate signedOn, boolean collected) {

        static MandateView of(UUID debtor, Mandate m) {
            return new MandateView(debtor, m.mandateId(), m.scheme(), m.type(), m.iban(), m.bic(), m.signedOn(),
                    m.collected());
        }
    }

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    Mandates mandates;

    @Inject
    OpenItems openItems;

    @Inject
    Clock clock;

    @GET
    public Uni<MandateView> get(@PathParam("id") UUID id) {
        return mandates.load(pool, tenant.get(), new DebtorId(id))
                .map(found -> MandateView.of(id, found.orElseThrow(() -> new NotFoundProblem("mandate of debtor", id))));
    }

    /** Records the debtor's mandate (replacing one it had); 422 naming each bad field, 409 for a reference in use. */
    @PUT
    @RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN})
    public Uni<MandateView> put(@PathParam("id") UUID id, MandateRequest request) {
        TenantId owner = tenant.get();
        DebtorId debtor = new DebtorId(id);
        MandateRequest body = request == null ? new MandateRequest(null, null, null, null, null, null) : request;
        String iban = OpenItems.normalIban(body.iban());
        String bic = body.bic() == null || body.bic().isBlank() ? null : body.bic().trim().toUpperCase(java.util.Locale.ROOT);
        List<Violation> violations = Mandate.violations(body.mandateId(), body.scheme(), body.type(),
                iban != null && Iban.isValid(iban), bic, body.signedOn(), BusinessTime.today(clock));
        if (!violations.isEmpty()) {
            throw PaymentResource.rejected(violations);
        }
        Mandate mandate = new Mandate(body.mandateId(), Mandate.Scheme.valueOf(body.scheme()),
                body.type() == null ? Mandate.Type.RECURRING : Mandate.Type.valueOf(body.type()), iban, bic,
                body.signedOn(), false);
        return pool.withTransaction(tx -> openItems.knows(tx, owner, debtor).flatMap(known -> {
            if (!known) {
                throw new NotFoundProblem("debtor", id);
            }
            return mandates.referenceTaken(tx, owner, debtor, mandate.mandateId());
        }).flatMap(taken -> {
            if (taken) {
                throw new ConflictProblem("mandate " + mandate.mandateId() + " is another debtor's",
                        List.of(new Problem.FieldError("mandateId", "is used for another debtor")));
            }
            return mandates.save(tx, owner, debtor, mandate);
        })).map(saved -> MandateView.of(id, saved));
    }

    /** Revokes the debtor's mandate: later runs do not collect under it. 204; 404 when there is none. */
    @DELETE
    @RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN})
    public Uni<Void> revoke(@PathParam("id") UUID id) {
        return pool.withTransaction(tx -> mandates.revoke(tx, tenant.get(), new DebtorId(id))).map(revoked -> {
            if (!revoked) {
                throw new NotFoundProblem("mandate of debtor", id);
            }
            return null;
        });
    }
}
