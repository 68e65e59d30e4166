package nl.tijdig.dunning.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import nl.tijdig.dunning.store.CaseStore;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/** The dunning case of an invoice (its id is the invoice's): status, what is open, the steps taken, the next day. */
@Path("/cases/{id}")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    CaseStore cases;

    @GET
    public Uni<CaseStore.View> get(@PathParam("id") UUID id) {
        return cases.get(pool, tenant.get(), id).map(found -> found.orElseThrow(() -> new NotFoundProblem("case", id)));
    }
}
