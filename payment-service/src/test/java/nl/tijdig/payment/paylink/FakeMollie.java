package nl.tijdig.payment.paylink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A payment provider on a real local HTTP server, speaking the part of Mollie's v2 API that Tijdig
 * uses: create a payment (idempotent by Idempotency-Key), read it, cancel it. Tests make a payment paid
 * and then deliver the webhook as Mollie would.
 */
public final class FakeMollie implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, ObjectNode> payments = new ConcurrentHashMap<>();
    private final Map<String, String> byIdempotencyKey = new ConcurrentHashMap<>();
    public final List<String> requests = new CopyOnWriteArrayList<>();
    private final String apiKey;

    public FakeMollie(String apiKey) throws IOException {
        this.apiKey = apiKey;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v2/payments", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v2";
    }

    /** The payment created for an invoice number (by its description), if any. */
    public ObjectNode paymentFor(String invoiceNumber) {
        return payments.values().stream().filter(p -> p.path("description").asText().endsWith(invoiceNumber)).findFirst()
                .orElse(null);
    }

    /** The debtor paid. */
    public void pay(String id) {
        ObjectNode payment = payments.get(id);
        payment.put("status", "paid");
        payment.put("paidAt", "2026-11-20T10:15:00+01:00");
        payment.putObject("details").put("consumerName", "Bakkerij De Gouden Korst").put("consumerAccount", "NL93RABO0123456780");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + path);
        if (!("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"status\":401,\"title\":\"Unauthorized Request\"}");
            return;
        }
        String id = path.substring("/v2/payments".length()).replaceFirst("^/", "");
        if ("POST".equals(method) && id.isEmpty()) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String existing = key == null ? null : byIdempotencyKey.get(key);
            if (existing != null) {
                respond(exchange, 201, payments.get(existing).toString());
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String newId = "tr_" + Integer.toHexString(System.identityHashCode(this)) + ids.incrementAndGet();
            ObjectNode payment = JSON.createObjectNode();
            payment.put("resource", "payment").put("id", newId).put("status", "open");
            payment.set("amount", body.path("amount"));
            payment.put("description", body.path("description").asText());
            payment.put("webhookUrl", body.path("webhookUrl").asText());
            payment.putObject("_links").putObject("checkout").put("href", "https://pay.example.test/checkout/" + newId)
                    .put("type", "text/html");
            payments.put(newId, payment);
            if (key != null) {
                byIdempotencyKey.put(key, newId);
            }
            respond(exchange, 201, payment.toString());
            return;
        }
        ObjectNode payment = payments.get(id);
        if (payment == null) {
            respond(exchange, 404, "{\"status\":404,\"title\":\"Not Found\"}");
            return;
        }
        if ("GET".equals(method)) {
            respond(exchange, 200, payment.toString());
        } else if ("DELETE".equals(method)) {
            if (!"open".equals(payment.path("status").asText())) {
                respond(exchange, 422, "{\"status\":422,\"title\":\"Unprocessable Entity\"}");
                return;
            }
            payment.put("status", "canceled");
            respond(exchange, 200, payment.toString());
        } else {
            respond(exchange, 405, "{}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/hal+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
