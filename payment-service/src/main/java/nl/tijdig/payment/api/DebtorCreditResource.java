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
import nl.tijdig.payment.store.Payments;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/** A debtor's credit: what its payments brought beyond the invoices they paid (empty: none). */
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

    @GET
    public Uni<Credit> get(@PathParam("id") UUID id) {
        return payments.credit(pool, tenant.get(), new DebtorId(id)).map(credit -> new Credit(id, credit));
    }
}
