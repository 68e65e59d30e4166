package nl.tijdig.collection.api;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A partner for the tests, speaking the reference REST contracts: a real HTTP server on the loopback interface that
 * records every request and answers 201 with its success body (an agency's reference unless told otherwise), or the
 * statuses it was told to answer next.
 */
final class PartnerServer implements AutoCloseable {

    /** A request as received (header names in lower case). */
    record Received(String path, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Integer> next = new ConcurrentLinkedDeque<>();
    private volatile int status = 201;
    private volatile String success = "{\"reference\": \"INC-2026-004711\"}";
    private final ConcurrentLinkedDeque<Long> delays = new ConcurrentLinkedDeque<>();

    PartnerServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            received.add(new Received(exchange.getRequestURI().getPath(), headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Long delay = delays.poll();
            if (delay != null) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Integer answer = next.poll();
            int code = answer == null ? status : answer;
            byte[] reply = (code >= 200 && code < 300 ? success : "{\"error\": \"not now\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(code, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    PartnerServer answerNext(Integer... statuses) {
        next.addAll(List.of(statuses));
        return this;
    }

    PartnerServer answerAlways(int code) {
        status = code;
        return this;
    }

    /** The next requests are answered only after these delays (milliseconds). */
    PartnerServer delayNext(Long... millis) {
        delays.addAll(List.of(millis));
        return this;
    }

    /** What a 2xx answer says from now on. */
    PartnerServer succeedWith(String body) {
        success = body;
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
