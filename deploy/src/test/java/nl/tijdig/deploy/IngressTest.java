package nl.tijdig.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The integrator API's Ingress sends every path each service's REST resources answer on to that service, as
 * ingress-nginx matches regex paths (case-insensitive, from the start, the longest path first); operators' paths
 * (/admin, /q) are not routed.
 */
class IngressTest {

    record Route(String path, Pattern pattern, String service) {
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void every_api_path_reaches_the_service_that_owns_it(String overlay) {
        List<Route> routes = routes(overlay);
        List<String> wrong = new ArrayList<>();
        for (String service : ServiceCode.SERVICES.keySet()) {
            assertThat(ServiceCode.restPaths(service)).as("the REST paths found in " + service).hasSizeGreaterThan(2);
            for (String path : ServiceCode.restPaths(service)) {
                String request = path.replaceAll("\\{[^}]+}", "a1b2c3");
                Optional<String> target = route(routes, request);
                boolean operators = request.startsWith("/admin") || request.startsWith("/q/");
                if (operators ? target.isPresent() : !target.equals(Optional.of(service))) {
                    wrong.add(request + " (" + service + ") goes to " + target.orElse("nothing"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void health_metrics_and_the_admin_api_stay_inside(String overlay) {
        List<Route> routes = routes(overlay);
        for (String path : List.of("/q/metrics", "/q/health/ready", "/admin/clock", "/admin/dead-letters", "/")) {
            assertThat(route(routes, path)).as(path).isEmpty();
        }
    }

    private static Optional<String> route(List<Route> routes, String request) {
        return routes.stream().filter(r -> r.pattern().matcher(request).lookingAt()).findFirst().map(Route::service);
    }

    private static List<Route> routes(String overlay) {
        JsonNode ingress = Overlays.named(Overlays.render(overlay), "Ingress", "tijdig-api");
        assertThat(ingress.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/use-regex").asText())
                .isEqualTo("true");
        List<Route> routes = new ArrayList<>();
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                String service = path.path("backend").path("service").path("name").asText();
                routes.add(new Route(path.path("path").asText(),
                        Pattern.compile(path.path("path").asText(), Pattern.CASE_INSENSITIVE), service));
            }
        }
        routes.sort(Comparator.comparingInt((Route r) -> r.path().length()).reversed());
        return routes;
    }
}
