package nl.tijdig.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import nl.tijdig.notification.config.NotificationConfig;

/**
 * A provider's HTTP API as the reference connectors use it: a JSON POST with the key as bearer token and
 * the communication id as {@code Idempotency-Key} (so a retry after a crash is the same request to the
 * provider). 2xx is handed over; 408, 429 and 5xx, a timeout or no connection are passing faults (tried
 * again); any other 4xx is permanent.
 */
final class HttpProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final NotificationConfig.Provider config;
    private final HttpClient client;

    HttpProvider(String name, NotificationConfig.Provider config) {
        this.name = name;
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    boolean configured() {
        return config.baseUrl().isPresent();
    }

    void post(String path, String idempotencyKey, Map<String, Object> body) {
        String url = config.baseUrl().orElseThrow().replaceAll("/+$", "") + path;
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(config.timeout())
                    .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        config.apiKey().ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ChannelConnector.DeliveryFailed(name + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelConnector.DeliveryFailed(name + ": interrupted", false, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        String detail = response.body() == null ? "" : response.body().substring(0, Math.min(200, response.body().length()));
        boolean passing = status == 408 || status == 429 || status >= 500;
        throw new ChannelConnector.DeliveryFailed(name + " HTTP " + status + " " + detail, !passing, null);
    }
}
