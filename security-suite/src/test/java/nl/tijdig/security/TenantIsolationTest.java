package nl.tijdig.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Tenant isolation and the role map against a real Keycloak, for every operation of every service's
 * OpenAPI document (see docs/security.md): (a) each allowed role succeeds on tenant A's object, (b)
 * tenant B never sees or changes it, (c) each other role is refused with 403, (d) bad tokens get 401.
 */
class TenantIsolationTest {

    /** Not in the OpenAPI documents, so never asked for: health and the document itself are public. */
    static final Set<String> EXCLUDED = Set.of(
            "GET /q/health/live", "GET /q/health/ready", // liveness and readiness probes, no data
            "GET /q/openapi"); // the API description

    static World world;
    static RoleMap roles;
    static final AtomicInteger OPERATIONS = new AtomicInteger();
    static final AtomicInteger CALLS = new AtomicInteger();

    @BeforeAll
    static void startEverything() {
        world = Platform.world(); // shared with the fuzz suite; stopped when the JVM ends
        roles = Platform.roles();
    }

    @AfterAll
    static void report() {
        System.out.printf("[tijdig] security suite: %d operations covered with %d calls against a real Keycloak%n",
                OPERATIONS.get(), CALLS.get());
    }

    @Test
    void tokens_carry_the_tenant_roles_and_audiences_from_the_realm() {
        world.checkClaims();
    }

    @TestFactory
    Stream<DynamicNode> every_operation_of_every_service() {
        List<DynamicNode> services = new ArrayList<>();
        for (String service : World.SERVICES.keySet()) {
            String url = world.services.get(service).url();
            List<String> operations = OpenApi.operations(url);
            Map<String, List<String>> map = roles.of(service);
            Map<String, Fixture> fixtures = Platform.fixtures(service);
            List<DynamicNode> nodes = new ArrayList<>();
            nodes.add(DynamicTest.dynamicTest("the role map in docs/security.md lists exactly the operations", () -> {
                Set<String> documented = new LinkedHashSet<>(map.keySet());
                assertThat(operations).as("operations of " + service + " missing in docs/security.md")
                        .allMatch(documented::contains);
                assertThat(documented).as("rows of docs/security.md that " + service + " does not have")
                        .allMatch(operations::contains);
            }));
            for (String operation : operations) {
                if (EXCLUDED.contains(operation)) {
                    continue;
                }
                Fixture fixture = fixtures.get(operation);
                if (fixture == null || !map.containsKey(operation)) {
                    nodes.add(DynamicTest.dynamicTest(operation, () -> fail(service + " " + operation
                            + " has no fixture in the security suite or no row in docs/security.md")));
                    continue;
                }
                OPERATIONS.incrementAndGet();
                nodes.add(DynamicContainer.dynamicContainer(operation, checks(url, service, operation, map.get(operation),
                        fixture)));
            }
            services.add(DynamicContainer.dynamicContainer(service, nodes));
        }
        return services.stream().map(n -> (DynamicNode) n);
    }

    private static Stream<DynamicNode> checks(String url, String service, String operation, List<String> allowed,
            Fixture fixture) {
        List<DynamicNode> checks = new ArrayList<>();
        if (allowed.equals(List.of("public"))) {
            // a partner callback: verified otherwise than by token (docs/security.md)
            checks.add(DynamicTest.dynamicTest("(p) a partner callback answers without a token", () -> {
                Call call = fixture.call();
                Response response = send(url, call, null);
                assertThat(response.statusCode()).as(call.operation() + ": " + response.asString()).isEqualTo(call.expected());
                fixture.otherTenant(call);
            }));
            return checks.stream();
        }
        for (String role : allowed) {
            checks.add(DynamicTest.dynamicTest("(a) " + role + " of tenant A succeeds", () -> {
                Call call = fixture.call();
                Response response = send(url, call, world.token(world.a, role));
                assertThat(response.statusCode()).as(call.operation() + " as " + role + ": " + response.asString())
                        .isEqualTo(call.expected());
            }));
        }
        if (!allowed.contains("operator")) {
            checks.add(DynamicTest.dynamicTest("(b) tenant B never sees or changes tenant A's", () -> {
                CALLS.incrementAndGet();
                fixture.otherTenant(fixture.call());
            }));
        }
        List<String> refused = new ArrayList<>(RoleMap.ROLES.stream().filter(r -> !allowed.contains(r)).toList());
        refused.add("none");
        for (String role : refused) {
            checks.add(DynamicTest.dynamicTest("(c) " + role + " is refused with 403", () -> {
                Call call = fixture.call();
                Response response = send(url, call, world.token(world.a, role));
                assertThat(response.statusCode()).as(call.operation() + " as " + role + ": " + response.asString())
                        .isEqualTo(403);
                assertThat(response.contentType()).startsWith("application/problem+json");
            }));
        }
        Map<String, Supplier<String>> badTokens = new LinkedHashMap<>();
        badTokens.put("no token", () -> null);
        badTokens.put("an expired token", world::expiredToken);
        badTokens.put("another key's signature", () -> Jwts.signedByAnotherKey(world.token(world.a, allowed.get(0))));
        badTokens.put("alg none", () -> Jwts.unsigned(world.token(world.a, allowed.get(0))));
        badTokens.put("another issuer", world::otherIssuerToken);
        badTokens.put("another audience", () -> world.withoutAudienceToken(service));
        for (Map.Entry<String, Supplier<String>> bad : badTokens.entrySet()) {
            checks.add(DynamicTest.dynamicTest("(d) " + bad.getKey() + " gets 401", () -> {
                Call call = firstCall(operation, fixture);
                Response response = send(url, call, bad.getValue().get());
                assertThat(response.statusCode()).as(call.operation() + " with " + bad.getKey() + ": "
                        + response.asString()).isEqualTo(401);
                assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
            }));
        }
        return checks.stream();
    }

    /** The operation's real path and body, without setting up new objects for a call that must fail anyway. */
    private static final Map<String, Call> FIRST_CALLS = new LinkedHashMap<>();

    private static synchronized Call firstCall(String operation, Fixture fixture) {
        return FIRST_CALLS.computeIfAbsent(operation, o -> fixture.call());
    }

    private static Response send(String url, Call call, String token) {
        CALLS.incrementAndGet();
        return call.send(url, token);
    }
}
