package nl.tijdig.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules every service's workload keeps, in every overlay. */
class WorkloadRulesTest {

    /** Every overlay with every service (also the cases of KafkaUsersTest). */
    static Stream<Arguments> workloads() {
        List<Arguments> all = new ArrayList<>();
        for (String overlay : Overlays.ALL) {
            for (String service : ServiceCode.SERVICES.keySet().stream().sorted().toList()) {
                all.add(Arguments.of(overlay, service));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void the_service_is_probed_on_its_health_endpoints(String overlay, String service) {
        JsonNode container = container(overlay, service);
        assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/started");
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(container.path(probe).path("httpGet").path("port").asText()).as(probe).isEqualTo("http");
        }
        assertThat(container.path("ports")).anySatisfy(p -> {
            assertThat(p.path("name").asText()).isEqualTo("http");
            assertThat(p.path("containerPort").asInt()).isEqualTo(8080);
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void the_service_asks_for_and_is_limited_in_cpu_and_memory(String overlay, String service) {
        JsonNode resources = container(overlay, service).path("resources");
        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                assertThat(resources.path(bound).path(resource).asText()).as(bound + "." + resource).isNotBlank();
            }
        }
        assertThat(Quantity.bytes(resources.path("limits").path("memory").asText()))
                .isGreaterThanOrEqualTo(Quantity.bytes(resources.path("requests").path("memory").asText()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void the_service_runs_as_non_root_on_a_read_only_root_without_capabilities(String overlay, String service) {
        JsonNode pod = deployment(overlay, service).path("spec").path("template").path("spec");
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(pod.path("serviceAccountName").asText()).isEqualTo(service);
        JsonNode security = container(overlay, service).path("securityContext");
        assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(security.path("capabilities").path("drop")).extracting(JsonNode::asText).containsExactly("ALL");
        // a read-only root still needs a writable /tmp (Vert.x, uploads)
        assertThat(container(overlay, service).path("volumeMounts")).extracting(m -> m.path("mountPath").asText()).contains("/tmp");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void the_service_has_its_account_configuration_service_autoscaler_budget_and_scrape(String overlay, String service) {
        List<JsonNode> all = Overlays.render(overlay);
        Map<String, String> selector = Map.of("app.kubernetes.io/name", service);
        assertThat(Overlays.named(all, "ServiceAccount", service).path("automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(Overlays.named(all, "ConfigMap", service + "-config").path("data").path("KAFKA_BOOTSTRAP_SERVERS").asText()).isNotBlank();
        assertThat(Labels.of(Overlays.named(all, "Service", service).path("spec").path("selector"))).isEqualTo(selector);
        JsonNode hpa = Overlays.named(all, "HorizontalPodAutoscaler", service).path("spec");
        assertThat(hpa.path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
        assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo(service);
        assertThat(hpa.path("minReplicas").asInt()).isPositive().isLessThanOrEqualTo(hpa.path("maxReplicas").asInt());
        JsonNode pdb = Overlays.named(all, "PodDisruptionBudget", service).path("spec");
        assertThat(Labels.of(pdb.path("selector").path("matchLabels"))).isEqualTo(selector);
        JsonNode monitor = Overlays.named(all, "ServiceMonitor", service).path("spec");
        assertThat(Labels.of(monitor.path("selector").path("matchLabels"))).isEqualTo(selector);
        assertThat(monitor.path("endpoints")).anySatisfy(e -> {
            assertThat(e.path("port").asText()).isEqualTo("http");
            assertThat(e.path("path").asText()).isEqualTo("/q/metrics");
        });
        if (overlay.equals("prod")) {
            assertThat(hpa.path("minReplicas").asInt()).as("two replicas at least, so a drain never stops it").isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void a_network_policy_limits_what_reaches_the_service_and_what_it_reaches(String overlay, String service) {
        // given the service's pod labels
        JsonNode podLabels = deployment(overlay, service).path("spec").path("template").path("metadata").path("labels");

        // then a policy selects them for ingress and egress
        List<JsonNode> policies = Overlays.ofKind(Overlays.render(overlay), "NetworkPolicy").stream()
                .filter(p -> Labels.selects(p.path("spec").path("podSelector"), podLabels)).toList();
        assertThat(policies).as("network policies of " + service).isNotEmpty();
        assertThat(policies).flatExtracting(p -> Labels.texts(p.path("spec").path("policyTypes"))).contains("Ingress", "Egress");

        // and what it lets in is the ingress controller and Prometheus, on the http port only
        assertThat(policies).flatExtracting(p -> Labels.list(p.path("spec").path("ingress"))).allSatisfy(rule -> {
            assertThat(Labels.list(rule.path("from"))).isNotEmpty();
            assertThat(Labels.list(rule.path("ports"))).extracting(port -> port.path("port").asText()).containsOnly("8080");
        });

        // and no egress rule is open to everything: each names its peers and ports, and public addresses exclude the
        // cluster's and private ranges
        assertThat(policies).flatExtracting(p -> Labels.list(p.path("spec").path("egress"))).allSatisfy(rule -> {
            assertThat(Labels.list(rule.path("to"))).isNotEmpty();
            assertThat(Labels.list(rule.path("ports"))).isNotEmpty();
            for (JsonNode peer : Labels.list(rule.path("to"))) {
                if (peer.has("ipBlock")) {
                    assertThat(Labels.texts(peer.path("ipBlock").path("except"))).contains("10.0.0.0/8", "172.16.0.0/12",
                            "192.168.0.0/16");
                }
            }
        });
    }

    private static JsonNode deployment(String overlay, String service) {
        return Overlays.named(Overlays.render(overlay), "Deployment", service);
    }

    private static JsonNode container(String overlay, String service) {
        JsonNode containers = deployment(overlay, service).path("spec").path("template").path("spec").path("containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }
}
