package nl.tijdig.payment.paylink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.PublicTarget;
import nl.tijdig.payment.config.ProviderConfig;

/**
 * A payment provider's API modelled on Mollie's (v2): create a payment (its checkout URL is the pay
 * link), read a payment back (its status: open, paid, canceled, expired, failed), cancel one. Plain
 * HTTPS with the tenant's API key as bearer; create is idempotent by {@code Idempotency-Key}. The tenant's base URL
 * is checked against server-side request forgery before every call (a name may resolve elsewhere later), and
 * redirects are not followed.
 */
@ApplicationScoped
public class PaymentProviderClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final PublicTarget.Rules rules;
    private final PublicTarget.Resolver resolver;

    @Inject
    public PaymentProviderClient(ProviderConfig config) {
        this(config.rules(), PublicTarget.Resolver.SYSTEM);
    }

    public PaymentProviderClient(PublicTarget.Rules rules, PublicTarget.Resolver resolver) {
        this.rules = rules;
        this.resolver = resolver;
    }

    /** A created payment: the provider's id and where the debtor pays. */
    public record Created(String id, String checkoutUrl) {
    }

    /** A payment as the provider reports it. */
    public record Reported(String id, String status, Money amount, Instant paidAt, String consumerName,
            String consumerAccount) {

        public boolean paid() {
            return "paid".equals(status);
        }
    }

    /** The provider answered with an error, or not at all. */
    public static final class ProviderException extends RuntimeException {
        public ProviderException(String message) {
            super(message);
        }
    }

    public Created create(String baseUrl, String apiKey, Money amount, String description, String redirectUrl,
            String webhookUrl, String idempotencyKey) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("amount").put("currency", amount.currency().getCurrencyCode())
                .put("value", amount.amount().setScale(2).toPlainString());
        body.put("description", description);
        body.put("redirectUrl", redirectUrl);
        body.put("webhookUrl", webhookUrl);
        body.putObject("metadata").put("source", "tijdig");
        JsonNode created = send(HttpRequest.newBuilder(uri(baseUrl, "/payments")).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), apiKey, 201);
        return new Created(created.path("id").asText(), created.path("_links").path("checkout").path("href").asText());
    }

    public Reported get(String baseUrl, String apiKey, String id) {
        JsonNode payment = send(HttpRequest.newBuilder(uri(baseUrl, "/payments/" + id)).GET(), apiKey, 200);
        JsonNode amount = payment.path("amount");
        String paidAt = payment.path("paidAt").asText(null);
        return new Reported(payment.path("id").asText(), payment.path("status").asText(),
                Money.of(new BigDecimal(amount.path("value").asText("0")), Money.currency(amount.path("currency").asText("EUR"))),
                paidAt == null ? null : OffsetDateTime.parse(paidAt).toInstant(),
                payment.path("details").path("consumerName").asText(null),
                payment.path("details").path("consumerAccount").asText(null));
    }

    /** Cancels a payment; one that cannot be cancelled any more (paid, expired) is left as it is. */
    public void cancel(String baseUrl, String apiKey, String id) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(baseUrl, "/payments/" + id))
                    .header("Authorization", "Bearer " + apiKey).timeout(TIMEOUT).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                throw new ProviderException("cancel " + id + ": " + response.statusCode());
            }
        } catch (IOException e) {
            throw new ProviderException("cancel " + id + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted");
        }
    }

    private JsonNode send(HttpRequest.Builder request, String apiKey, int expected) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + apiKey)
                    .header("Accept", "application/json").timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new ProviderException(request.build().method() + " " + request.build().uri().getPath() + ": "
                        + response.statusCode() + " " + abbreviate(response.body()));
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ProviderException("the provider did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted");
        }
    }

    private URI uri(String baseUrl, String path) {
        String url = baseUrl.replaceAll("/+$", "") + path;
        PublicTarget.refusal(url, rules, resolver).ifPresent(why -> {
            throw new ProviderException("the provider's URL " + why);
        });
        return URI.create(url);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
