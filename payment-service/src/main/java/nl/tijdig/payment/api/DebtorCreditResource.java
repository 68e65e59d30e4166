package nl.tijdig.payment.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.payment.store.OpenItems;
import nl.tijdig.payment.store.Payments;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/**
 * A debtor's credit: what its payments brought beyond the invoices they paid (an empty list: none). A
 * debtor this tenant has no invoice events of is a 404.
 */
@Path("/debtors/{id}/credit")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Produces(MediaType.APPLICATION_JSON)
public class DebtorCreditResource {

    public record Credit(UUID debtorId, List<Money> credit) {
    }

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    Payments payments;

    @Inject
    OpenItems openItems;

    @GET
    public Uni<Credit> get(@PathParam("id") UUID id) {
        TenantId owner = tenant.get();
        return openItems.knows(pool, owner, new DebtorId(id)).flatMap(known -> {
            if (!known) {
                throw new NotFoundProblem("debtor", id);
            }
            return payments.credit(pool, owner, new DebtorId(id)).map(credit -> new Credit(id, credit));
        });
    }
}
