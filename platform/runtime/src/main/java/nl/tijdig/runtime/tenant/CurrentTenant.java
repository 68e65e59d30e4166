package nl.tijdig.runtime.tenant;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import java.security.Principal;
import java.util.Optional;
import nl.tijdig.kernel.TenantId;

/**
 * The tenant of the current request, from the caller's security identity only — never from a path,
 * a query or a body. It is the identity's attribute {@code tenant_id} (a UUID), or the token's claim of
 * that name. A caller without one is refused (403): nothing is read or written without a tenant.
 */
@RequestScoped
public class CurrentTenant {

    public static final String CLAIM = "tenant_id";

    @Inject
    SecurityIdentity identity;

    public TenantId get() {
        return find().orElseThrow(() -> new ForbiddenException("the caller's token carries no " + CLAIM));
    }

    Optional<TenantId> find() {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        Object value = identity.getAttribute(CLAIM);
        if (value == null) {
            value = claim(identity.getPrincipal());
        }
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(TenantId.of(value.toString()));
        } catch (IllegalArgumentException e) {
            throw new ForbiddenException("the caller's " + CLAIM + " is not a tenant id");
        }
    }

    /** A JWT principal's claim, read without depending on a JWT library (the security issue adds OIDC). */
    private static Object claim(Principal principal) {
        try {
            var getClaim = principal.getClass().getMethod("getClaim", String.class);
            return getClaim.invoke(principal, CLAIM);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
