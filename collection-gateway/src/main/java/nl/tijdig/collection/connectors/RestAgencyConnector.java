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
import java.util.UUID;
import nl.tijdig.collection.domain.Partner;
import nl.tijdig.events.EscalatedToCollection;
import nl.tijdig.events.EventJson;
import nl.tijdig.kernel.PublicTarget;

/**
 * The reference REST/JSON agency (its contract in {@code collection-gateway/README.md}):
 * {@code POST <base URL>/cases} with {@code {"caseReference": <collection case id>, "callbackUrl": …, "dossier":
 * <EscalatedToCollection>}}, {@code Authorization: Bearer <API key>} and {@code Idempotency-Key: <collection case
 * id>}; a 2xx answers {@code {"reference": "…"}}. 408, 429, 5xx, a timeout or no connection are tried again; any other
 * answer is permanent. The base URL is checked against SSRF before every call; redirects are not followed.
 */
@ApplicationScoped
public class RestAgencyConnector implements AgencyConnector {

    @Inject
    CollectionConfig config;

    private volatile HttpClient http;

    @Override
    public Partner.Kind kind() {
        return Partner.Kind.REST_AGENCY;
    }

    @Override
    public String handOver(Connection partner, UUID collectionCaseId, EscalatedToCollection dossier) throws HandOverFailed {
        if (partner.baseUrl() == null) {
            throw new HandOverFailed("the partner has no base URL", true);
        }
        String url = partner.baseUrl().replaceAll("/+$", "") + "/cases";
        PublicTarget.Rules rules = new PublicTarget.Rules(config.partners().requireHttps(), config.partners().allowLoopback());
        var refused = PublicTarget.refusal(url, rules, PublicTarget.Resolver.SYSTEM);
        if (refused.isPresent()) {
            throw new HandOverFailed("the partner's URL " + refused.get(), true);
        }
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("caseReference", collectionCaseId.toString());
        body.put("callbackPath", "/callbacks/" + partner.partnerId() + "/status");
        body.set("dossier", EventJson.mapper().valueToTree(dossier));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(config.handOver().timeout())
                .header("content-type", "application/json").header("idempotency-key", collectionCaseId.toString())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (partner.apiKey() != null) {
            request.header("authorization", "Bearer " + partner.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new HandOverFailed("no answer within " + config.handOver().timeout(), false);
        } catch (IOException e) {
            throw new HandOverFailed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HandOverFailed("interrupted", false);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                JsonNode answer = EventJson.mapper().readTree(response.body());
                String reference = answer.path("reference").asText(null);
                return reference == null || reference.isBlank() ? null : reference;
            } catch (IOException e) {
                return null; // taken; the reference comes with its callbacks
            }
        }
        String excerpt = response.body() == null ? "" : response.body().substring(0, Math.min(200, response.body().length()));
        boolean retry = status == 408 || status == 429 || status >= 500;
        throw new HandOverFailed("HTTP " + status + (excerpt.isBlank() ? "" : ": " + excerpt), !retry);
    }

    private HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(config.handOver().timeout()).followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1).build();
        }
        return http;
    }
}
