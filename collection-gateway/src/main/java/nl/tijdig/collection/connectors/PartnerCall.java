package nl.tijdig.collection.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import nl.tijdig.collection.config.CollectionConfig;
import nl.tijdig.events.EventJson;
import nl.tijdig.kernel.PublicTarget;

/**
 * A call to a partner's API, as every connector makes it: the URL checked against SSRF first (redirects are not
 * followed), {@code Authorization: Bearer <API key>}, an {@code Idempotency-Key}, the configured timeout; 408, 429, 5xx,
 * a timeout or no connection are worth trying again, any other non-2xx answer is permanent.
 */
@ApplicationScoped
public class PartnerCall {

    /**
     * A call that did not succeed ({@code permanent}: trying again will not help; {@code notBefore}: not made because
     * the partner's circuit is open — try again then, without counting an attempt).
     */
    public static final class Failed extends Exception {

        private final boolean permanent;
        private final transient java.time.Instant notBefore;

        public Failed(String message, boolean permanent) {
            this(message, permanent, null);
        }

        Failed(String message, boolean permanent, java.time.Instant notBefore) {
            super(message);
            this.permanent = permanent;
            this.notBefore = notBefore;
        }

        public boolean permanent() {
            return permanent;
        }

        public java.util.Optional<java.time.Instant> notBefore() {
            return java.util.Optional.ofNullable(notBefore);
        }
    }

    @Inject
    CollectionConfig config;

    @Inject
    CircuitBreakers breakers;

    private volatile HttpClient http;

    /**
     * POSTs the JSON body to {@code <base URL><path>}; returns the 2xx answer's JSON (an empty object when it has none).
     * Not made while the partner's circuit is open ({@link CircuitBreakers}); its outcome counts toward it.
     */
    public JsonNode post(AgencyConnector.Connection partner, String path, String idempotencyKey, ObjectNode body) throws Failed {
        var open = breakers.openUntil(partner.partnerId());
        if (open.isPresent()) {
            throw new Failed("the partner failed repeatedly: its circuit is open until " + open.get(), false, open.get());
        }
        try {
            JsonNode answer = send(partner, path, idempotencyKey, body);
            breakers.succeeded(partner.partnerId());
            return answer;
        } catch (Failed e) {
            breakers.failed(partner.partnerId(), e.permanent());
            throw e;
        }
    }

    private JsonNode send(AgencyConnector.Connection partner, String path, String idempotencyKey, ObjectNode body) throws Failed {
        if (partner.baseUrl() == null) {
            throw new Failed("the partner has no base URL", true);
        }
        String url = partner.baseUrl().replaceAll("/+$", "") + path;
        PublicTarget.Rules rules = new PublicTarget.Rules(config.partners().requireHttps(), config.partners().allowLoopback());
        var refused = PublicTarget.refusal(url, rules, PublicTarget.Resolver.SYSTEM);
        if (refused.isPresent()) {
            throw new Failed("the partner's URL " + refused.get(), true);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(config.handOver().timeout())
                .header("content-type", "application/json").header("idempotency-key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (partner.apiKey() != null) {
            request.header("authorization", "Bearer " + partner.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new Failed("no answer within " + config.handOver().timeout(), false);
        } catch (IOException e) {
            throw new Failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted", false);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                JsonNode answer = response.body() == null || response.body().isBlank() ? null : EventJson.mapper().readTree(response.body());
                return answer == null ? EventJson.mapper().createObjectNode() : answer;
            } catch (IOException e) {
                return EventJson.mapper().createObjectNode();
            }
        }
        String excerpt = response.body() == null ? "" : response.body().substring(0, Math.min(200, response.body().length()));
        boolean retry = status == 408 || status == 429 || status >= 500;
        throw new Failed("HTTP " + status + (excerpt.isBlank() ? "" : ": " + excerpt), !retry);
    }

    private HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(config.handOver().timeout()).followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1).build();
        }
        return http;
    }
}
