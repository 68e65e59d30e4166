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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.kernel.Violation;
import nl.tijdig.payment.store.PaymentSettings;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/** The tenant's payment settings: the tolerance under which a residual closes an invoice (€ 0.50 default). */
@Path("/payment-settings")
@RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PaymentSettingsResource {

    /** The tolerance as an amount (0 to 25) in a currency (default EUR). */
    public record Settings(BigDecimal tolerance, String currency) {
    }

    static final BigDecimal MAX_TOLERANCE = new BigDecimal("25");

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    PaymentSettings settings;

    @GET
    public Uni<Settings> get() {
        return settings.tolerance(pool, tenant.get())
                .map(t -> new Settings(t.amount(), t.currency().getCurrencyCode()));
    }

    @PUT
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Settings> put(Settings request) {
        TenantId owner = tenant.get();
        List<Violation> violations = new ArrayList<>();
        if (request == null || request.tolerance() == null) {
            violations.add(new Violation("tolerance", "is required"));
        } else if (request.tolerance().signum() < 0 || request.tolerance().compareTo(MAX_TOLERANCE) > 0) {
            violations.add(new Violation("tolerance", "must be 0 to 25"));
        }
        String currency = request == null || request.currency() == null ? "EUR" : request.currency();
        try {
            Money.currency(currency);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("currency", "is not an ISO 4217 currency code"));
        }
        if (!violations.isEmpty()) {
            throw PaymentResource.rejected(violations);
        }
        Money tolerance = Money.of(request.tolerance(), Money.currency(currency));
        return pool.withTransaction(tx -> settings.save(tx, owner, tolerance))
                .replaceWith(new Settings(tolerance.amount(), currency));
    }
}
