package nl.tijdig.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import nl.tijdig.testing.process.Ports;

/**
 * The SMS and print-and-post providers for the tests: a real HTTP server speaking the reference
 * connectors' API ({@code POST /messages}, {@code POST /letters}), recording every request, answering 201
 * unless told to answer otherwise next.
 */
public class ProviderServer implements QuarkusTestResourceLifecycleManager {

    /** A request as received. */
    public record Received(String path, String idempotencyKey, String authorization, JsonNode body, int answered) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, ConcurrentLinkedDeque<Integer>> NEXT = new ConcurrentHashMap<>();
    private HttpServer server;

    /** The next requests to a path for a recipient are answered with these statuses, in turn. */
    public static void answerNext(String recipient, Integer... statuses) {
        NEXT.computeIfAbsent(recipient, k -> new ConcurrentLinkedDeque<>()).addAll(List.of(statuses));
    }

    /** The requests about a recipient (phone number or debtor name), in order. */
    public static List<Received> about(String recipient) {
        return RECEIVED.stream().filter(r -> recipient.equals(recipientOf(r.body()))).toList();
    }

    private static String recipientOf(JsonNode body) {
        JsonNode recipient = body.path("recipient");
        return recipient.isTextual() ? recipient.asText() : recipient.path("name").asText();
    }

    @Override
    public Map<String, String> start() {
        int port = Ports.free();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2));
        for (String path : List.of("/messages", "/letters")) {
            server.createContext(path, exchange -> {
                JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
                String recipient = recipientOf(body);
                Integer planned = NEXT.getOrDefault(recipient, new ConcurrentLinkedDeque<>()).pollFirst();
                int status = planned == null ? 201 : planned;
                RECEIVED.add(new Received(path, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        exchange.getRequestHeaders().getFirst("Authorization"), body, status));
                byte[] answer = (status == 201 ? "{\"id\": \"prov-" + RECEIVED.size() + "\"}" : "{\"error\": \"status " + status + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
        }
        server.start();
        String base = "http://127.0.0.1:" + port;
        return Map.of("tijdig.notification.sms.base-url", base, "tijdig.notification.sms.api-key", "sms-key",
                "tijdig.notification.post.base-url", base, "tijdig.notification.post.api-key", "post-key");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
