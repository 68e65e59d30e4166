package nl.tijdig.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A collection agency implementing the REST agency contract (collection-gateway README): it takes cases in
 * ({@code POST /cases}, once per idempotency key, answering its own reference) and recalls.
 */
final class AgencyServer implements AutoCloseable {

    /** A case as the agency received it: the idempotency key, the bearer key and the request. */
    record Received(String idempotencyKey, String authorization, JsonNode request) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Received> cases = new CopyOnWriteArrayList<>();
    private final Map<String, String> references = new ConcurrentHashMap<>();

    AgencyServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/cases", exchange -> {
            try (exchange) {
                JsonNode request = JSON.readTree(exchange.getRequestBody());
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                String reference = references.computeIfAbsent(key, k -> {
                    cases.add(new Received(k, exchange.getRequestHeaders().getFirst("Authorization"), request));
                    return "INC-" + (references.size() + 1);
                });
                byte[] body = ("{\"reference\": \"" + reference + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(201, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The cases handed over, once each. */
    List<Received> cases() {
        return List.copyOf(cases);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
