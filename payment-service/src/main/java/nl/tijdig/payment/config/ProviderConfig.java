package nl.tijdig.payment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import nl.tijdig.kernel.PublicTarget;

/**
 * Where the payment-service may call a tenant's payment provider ({@code tijdig.payment.providers.*}): the provider's
 * {@code baseUrl} is the tenant's to set, so it is held to the same rules against server-side request forgery as
 * webhooks and partners (PublicTarget) when it is saved and before every call.
 */
@ConfigMapping(prefix = "tijdig.payment.providers")
public interface ProviderConfig {

    /** Only https (production). */
    @WithDefault("true")
    boolean requireHttps();

    /** Loopback addresses allowed (tests, and one machine with ./tijdig; never production). */
    @WithDefault("false")
    boolean allowLoopback();

    default PublicTarget.Rules rules() {
        return new PublicTarget.Rules(requireHttps(), allowLoopback());
    }
}
