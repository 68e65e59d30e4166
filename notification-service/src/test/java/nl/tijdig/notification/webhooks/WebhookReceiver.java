package nl.tijdig.notification.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A receiver of webhooks for the tests, as an accounting package runs one: a real HTTP server on the loopback
 * interface that records every request and answers 200, or the statuses it was told to answer next, or —
 * while held — nothing until released.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A request as received (header names in lower case). */
    public record Received(String path, Map<String, String> headers, String body, Instant at) {

        public String header(String name) {
            return headers.get(name);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Integer> next = new ConcurrentLinkedDeque<>();
    private final AtomicInteger answered = new AtomicInteger();
    private volatile int status = 200;
    private volatile CountDownLatch hold = new CountDownLatch(0);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(), headers, body, Instant.now()));
            try {
                hold.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Integer answer = next.poll();
            int code = answer == null ? status : answer;
            byte[] reply = (code >= 200 && code < 300 ? "ok" : "not now").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
            answered.incrementAndGet();
        });
        server.start();
    }

    /** The URL of a path on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** How many requests were answered. */
    public int answered() {
        return answered.get();
    }

    /** Answers the next requests with these statuses, in turn; then as before. */
    public WebhookReceiver answerNext(Integer... statuses) {
        next.addAll(List.of(statuses));
        return this;
    }

    /** Answers every request with this status from now on. */
    public WebhookReceiver answerAlways(int code) {
        this.status = code;
        return this;
    }

    /** Holds every request (no answer) until {@link #release()}. */
    public WebhookReceiver hold() {
        this.hold = new CountDownLatch(1);
        return this;
    }

    public void release() {
        hold.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
