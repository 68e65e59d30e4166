package nl.tijdig.runtime.tenant;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import java.util.Optional;
import nl.tijdig.kernel.TenantId;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The tenant of the current request, from the caller's verified token only — never from a path, a
 * query or a body: the claim {@code tenant_id} (a UUID), which Keycloak sets from the tenant group's
 * attribute (see {@code docs/security.md}). In tests without tokens, an identity attribute of that
 * name stands in. A caller without one is refused (403): nothing is read or written without a tenant.
 */
@RequestScoped
public class CurrentTenant {

    public static final String CLAIM = "tenant_id";

    @Inject
    SecurityIdentity identity;

    public TenantId get() {
        return find().orElseThrow(() -> new ForbiddenException("the caller's token carries no " + CLAIM));
    }

    /** The tenant, if the caller has one; a {@code tenant_id} that is not a UUID is refused (403). */
    public Optional<TenantId> find() {
        return of(identity);
    }

    /** The tenant of an identity, if it has one. */
    public static Optional<TenantId> of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        Object value = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(CLAIM) : null;
        if (value == null) {
            value = identity.getAttribute(CLAIM);
        }
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof jakarta.json.JsonString json) {
            value = json.getString(); // a token claim that is not a standard one comes as JSON
        }
        try {
            return Optional.of(TenantId.of(value.toString()));
        } catch (IllegalArgumentException e) {
            throw new ForbiddenException("the caller's " + CLAIM + " is not a tenant id");
        }
    }
}
