package nl.tijdig.launcher.demo;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.time.Duration;

/**
 * What a well-behaved integrator does with a 429: waits the {@code Retry-After} seconds the service names and asks
 * again. The services limit each tenant's request rate (docs/security.md), and the demo and the e2e tests issue bursts
 * that a fast machine pushes over it.
 */
public final class RespectRateLimit implements Filter {

    public static final RespectRateLimit INSTANCE = new RespectRateLimit(20, Duration.ofSeconds(30));

    private final int attempts;
    private final Duration longestWait;

    RespectRateLimit(int attempts, Duration longestWait) {
        this.attempts = attempts;
        this.longestWait = longestWait;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        Response answer = context.next(request, response);
        for (int attempt = 1; attempt < attempts && answer.statusCode() == 429; attempt++) {
            Target.sleep(wait(answer.header("Retry-After")));
            // the filter chain is spent after one pass: the same request again, as a new one without filters
            answer = context.send(RestAssured.given().spec(request).noFilters());
        }
        return answer;
    }

    private Duration wait(String retryAfter) {
        Duration wait = Duration.ofSeconds(1);
        if (retryAfter != null && retryAfter.strip().matches("\\d{1,6}")) {
            wait = Duration.ofSeconds(Math.max(1, Long.parseLong(retryAfter.strip())));
        }
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }
}
