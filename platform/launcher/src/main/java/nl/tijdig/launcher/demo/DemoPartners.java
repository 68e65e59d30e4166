package nl.tijdig.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The demo's partners on one local HTTP server: a collection agency implementing the REST agency contract
 * ({@code <agencyUrl>/cases}: each case taken in once per idempotency key, answered with its own reference; recalls
 * taken) and a factor implementing the factoring contract ({@code <factorUrl>/offers}: it buys every invoice it is
 * offered, advancing 90 % of what is open for a 2 % fee), both as in the collection-gateway README; and a payment
 * provider modelled on Mollie's API as the payment-service calls it ({@code <providerUrl>/payments}: create, read,
 * cancel), where the demo's debtor pays by the link ({@link #payByLink}) and the provider calls the webhook.
 */
public final class DemoPartners implements AutoCloseable {

    /** What a partner received: the idempotency key, the bearer key and the request. */
    public record Received(String idempotencyKey, String authorization, JsonNode request) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Received> cases = new CopyOnWriteArrayList<>();
    private final List<Received> offers = new CopyOnWriteArrayList<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, com.fasterxml.jackson.databind.node.ObjectNode> payments = new ConcurrentHashMap<>();
    private final Map<String, String> webhooks = new ConcurrentHashMap<>();

    public DemoPartners() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/agency/cases", this::agency);
        server.createContext("/factor/offers", this::factor);
        server.createContext("/provider/payments", this::provider);
        server.start();
    }

    public String agencyUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/agency";
    }

    public String factorUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/factor";
    }

    public String providerUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/provider";
    }

    /**
     * The debtor pays the open pay link of an invoice (its payment's description names the invoice number); the provider
     * then calls the payment-service's webhook with the payment id, as Mollie does. False when no such link is open.
     */
    public boolean payByLink(String invoiceNumber, String payer, String iban, java.time.Instant paidAt) {
        var payment = payments.values().stream().filter(p -> ("Factuur " + invoiceNumber).equals(p.path("description").asText())
                && "open".equals(p.path("status").asText())).findFirst();
        if (payment.isEmpty()) {
            return false;
        }
        var paid = payment.get();
        paid.put("status", "paid").put("paidAt", paidAt.toString());
        paid.putObject("details").put("consumerName", payer).put("consumerAccount", iban);
        try {
            int status = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(webhooks.get(paid.path("id").asText())))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("id=" + paid.path("id").asText())).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The provider payments made for pay links so far. */
    public int payLinks() {
        return payments.size();
    }

    /** The cases handed over to the agency, once each. */
    public List<Received> cases() {
        return List.copyOf(cases);
    }

    /** The invoices offered to the factor, once each. */
    public List<Received> offers() {
        return List.copyOf(offers);
    }

    private void agency(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (exchange.getRequestURI().getPath().endsWith("/recall")) {
                answer(exchange, 200, "{}");
                return;
            }
            String answer = answers.computeIfAbsent("case:" + key, k -> {
                cases.add(new Received(key, exchange.getRequestHeaders().getFirst("Authorization"), request));
                return "{\"reference\": \"INC-" + cases.size() + "\"}";
            });
            answer(exchange, 201, answer);
        }
    }

    private void factor(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String answer = answers.computeIfAbsent("offer:" + key, k -> {
                offers.add(new Received(key, exchange.getRequestHeaders().getFirst("Authorization"), request));
                BigDecimal open = new BigDecimal(request.path("invoice").path("open").path("amount").asText("0"));
                String currency = request.path("invoice").path("open").path("currency").asText("EUR");
                BigDecimal advance = open.multiply(new BigDecimal("0.90")).setScale(2, RoundingMode.HALF_UP);
                BigDecimal fee = open.multiply(new BigDecimal("0.02")).setScale(2, RoundingMode.HALF_UP);
                return "{\"decision\": \"ACCEPTED\", \"advance\": {\"amount\": \"" + advance + "\", \"currency\": \""
                        + currency + "\"}, \"fee\": {\"amount\": \"" + fee + "\", \"currency\": \"" + currency
                        + "\"}, \"reference\": \"FAC-" + offers.size() + "\"}";
            });
            answer(exchange, 200, answer);
        }
    }

    private void provider(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String id = path.substring(path.lastIndexOf('/') + 1);
            switch (exchange.getRequestMethod()) {
                case "POST" -> {
                    JsonNode request = JSON.readTree(exchange.getRequestBody());
                    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                    String answer = answers.computeIfAbsent("payment:" + key, k -> {
                        String paymentId = "tr_demo" + (payments.size() + 1);
                        var payment = JSON.createObjectNode().put("id", paymentId).put("status", "open")
                                .put("description", request.path("description").asText());
                        payment.set("amount", request.path("amount"));
                        payment.putObject("_links").putObject("checkout").put("href", providerUrl() + "/checkout/" + paymentId);
                        payments.put(paymentId, payment);
                        webhooks.put(paymentId, request.path("webhookUrl").asText());
                        return payment.toString();
                    });
                    answer(exchange, 201, answer);
                }
                case "GET" -> {
                    var payment = payments.get(id);
                    answer(exchange, payment == null ? 404 : 200, payment == null ? "{}" : payment.toString());
                }
                case "DELETE" -> {
                    var payment = payments.get(id);
                    if (payment != null && "open".equals(payment.path("status").asText())) {
                        payment.put("status", "canceled");
                    }
                    answer(exchange, payment == null ? 404 : 200, payment == null ? "{}" : payment.toString());
                }
                default -> answer(exchange, 405, "{}");
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
