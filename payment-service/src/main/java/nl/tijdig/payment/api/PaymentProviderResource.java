package nl.tijdig.payment.api;

import io.smallrye.common.annotation.Blocking;
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
import java.util.ArrayList;
import java.util.List;
import nl.tijdig.kernel.PublicTarget;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.kernel.Violation;
import nl.tijdig.payment.config.ProviderConfig;
import nl.tijdig.payment.store.PayLinks;
import nl.tijdig.runtime.json.Limits;
import nl.tijdig.runtime.json.Text;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/**
 * The tenant's payment provider for pay links (Mollie's API): once set, every newly issued invoice gets a
 * link. The webhook URL to give the provider is returned; it names an opaque partner id, never the
 * tenant. The API key is never shown again (only its last four characters).
 */
@Path("/payment-provider")
@RolesAllowed(Roles.TENANT_ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PaymentProviderResource {

    /** The settings: {@code baseUrl} defaults to Mollie's; {@code webhookBaseUrl} is Tijdig's public URL. */
    public record ProviderRequest(@Text(max = Limits.CODE) String provider, @Text(max = 500) String apiKey, @Text(max = Limits.URL) String baseUrl, @Text(max = Limits.URL) String webhookBaseUrl, @Text(max = Limits.URL) String redirectUrl) {
    }

    /** As shown: the key masked, the webhook URL to give the provider. */
    public record ProviderView(String provider, String baseUrl, String apiKey, String webhookUrl, String redirectUrl) {

        static ProviderView of(PayLinks.Provider p) {
            String key = p.apiKey();
            return new ProviderView(p.provider(), p.baseUrl(), "…" + key.substring(Math.max(0, key.length() - 4)),
                    p.webhookUrl(), p.redirectUrl());
        }
    }

    static final String MOLLIE = "https://api.mollie.com/v2";

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    PayLinks links;

    @Inject
    ProviderConfig providers;

    @GET
    public Uni<ProviderView> get() {
        return links.provider(pool, tenant.get())
                .map(found -> ProviderView.of(found.orElseThrow(() -> new NotFoundProblem("payment provider", "of this tenant"))));
    }

    @PUT
    @Blocking // the base URL's host is resolved (DNS) to check where it points
    public Uni<ProviderView> put(ProviderRequest request) {
        TenantId owner = tenant.get();
        List<Violation> violations = new ArrayList<>();
        if (request == null) {
            throw PaymentResource.rejected(List.of(new Violation("body", "is required")));
        }
        if (!"mollie".equals(request.provider())) {
            violations.add(new Violation("provider", "must be mollie"));
        }
        if (request.apiKey() == null || request.apiKey().isBlank()) {
            violations.add(new Violation("apiKey", "is required"));
        }
        String baseUrl = request.baseUrl() == null ? MOLLIE : request.baseUrl();
        // the service calls this URL with the tenant's key: public addresses only (server-side request forgery)
        PublicTarget.refusal(baseUrl, providers.rules(), PublicTarget.Resolver.SYSTEM)
                .ifPresent(why -> violations.add(new Violation("baseUrl", why)));
        if (!isHttpUrl(request.webhookBaseUrl())) {
            violations.add(new Violation("webhookBaseUrl", "is required: Tijdig's public http(s) URL"));
        }
        if (request.redirectUrl() != null && !isHttpUrl(request.redirectUrl())) {
            violations.add(new Violation("redirectUrl", "must be an http(s) URL"));
        }
        if (!violations.isEmpty()) {
            throw PaymentResource.rejected(violations);
        }
        return pool.withTransaction(tx -> links.save(tx, owner, request.provider(), baseUrl, request.apiKey().strip(),
                request.webhookBaseUrl(), request.redirectUrl())).map(ProviderView::of);
    }

    private static boolean isHttpUrl(String url) {
        return url != null && url.matches("https?://[^\\s]+");
    }
}
