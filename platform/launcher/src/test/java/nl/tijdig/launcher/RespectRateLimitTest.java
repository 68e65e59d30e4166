package nl.tijdig.launcher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.tijdig.launcher.demo.RespectRateLimit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RespectRateLimitTest {

    private final List<String> bodies = new ArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a_429_is_asked_again_after_the_seconds_retry_after_names_with_the_same_request() throws Exception {
        // given a service that limits the first two requests
        AtomicInteger calls = start(2, "1");

        // when a request is made through the filter
        long started = System.nanoTime();
        int status = given().filter(RespectRateLimit.INSTANCE).baseUri("http://127.0.0.1:" + server.getAddress().getPort())
                .auth().oauth2("token-1").queryParam("q", "x y").contentType("application/json").body("{\"n\": 1}")
                .post("/invoices").statusCode();

        // then it is answered 201 on the third try, after waiting, and the service saw the same request each time
        assertThat(status).isEqualTo(201);
        assertThat(calls).hasValue(3);
        String once = "POST /invoices?q=x%20y [Bearer token-1] {\"n\": 1}";
        assertThat(bodies).containsExactly(once, once, once);
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(2_000_000_000L);
    }

    @Test
    void other_answers_are_returned_as_they_are() throws Exception {
        // given a service that answers at once
        AtomicInteger calls = start(0, null);

        // when / then
        assertThat(given().filter(RespectRateLimit.INSTANCE).baseUri("http://127.0.0.1:" + server.getAddress().getPort())
                .body("x").post("/invoices").statusCode()).isEqualTo(201);
        assertThat(calls).hasValue(1);
    }

    private AtomicInteger start(int limited, String retryAfter) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            synchronized (bodies) {
                bodies.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                        + exchange.getRequestHeaders().get("Authorization") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            boolean limit = calls.incrementAndGet() <= limited;
            if (limit && retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(limit ? 429 : 201, -1);
            exchange.close();
        });
        server.start();
        return calls;
    }
}
