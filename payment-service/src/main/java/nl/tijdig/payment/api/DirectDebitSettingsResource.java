package nl.tijdig.payment.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.kernel.Violation;
import nl.tijdig.payment.domain.SepaCreditorId;
import nl.tijdig.payment.store.SepaFiles;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/** The tenant's SEPA creditor identifier (incassant-ID), which direct-debit files carry. */
@Path("/direct-debit-settings")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DirectDebitSettingsResource {

    public record Settings(String creditorId) {
    }

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    SepaFiles files;

    @GET
    public Uni<Settings> get() {
        return files.creditorId(pool, tenant.get()).map(id -> new Settings(id.orElseThrow(
                () -> new NotFoundProblem("direct-debit settings of the tenant", tenant.get().value()))));
    }

    @PUT
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Settings> put(Settings request) {
        TenantId owner = tenant.get();
        String id = request == null ? null : SepaCreditorId.normal(request.creditorId());
        if (id == null || id.isBlank()) {
            throw PaymentResource.rejected(List.of(new Violation("creditorId", "is required")));
        }
        if (!SepaCreditorId.isValid(id)) {
            throw PaymentResource.rejected(List.of(new Violation("creditorId",
                    "is not a SEPA creditor identifier (country, check digits, business code, national id)")));
        }
        return pool.withTransaction(tx -> files.saveCreditorId(tx, owner, id)).replaceWith(new Settings(id));
    }
}
