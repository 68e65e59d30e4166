package nl.tijdig.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OverlaysValidateTest {

    /** The Keycloak Operator publishes its CRDs in no artifact these machines reach (docs/operations.md). */
    private static final String NO_PUBLISHED_SCHEMA = "k8s.keycloak.org/";

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void every_resource_of_the_overlay_is_valid_against_its_published_schema(String overlay) {
        // given the overlay as kustomize renders it
        List<JsonNode> resources = Overlays.render(overlay);

        // when each resource is validated against the Kubernetes or the operator's schema
        List<Schemas.Verdict> verdicts = Schemas.validate(resources);

        // then each is valid, and only Keycloak's resources go without a schema
        assertThat(verdicts).hasSize(resources.size());
        assertThat(verdicts).filteredOn(v -> v.result().equals("invalid"))
                .as("resources that break their schema").extracting(v -> v.describe() + ": " + v.errors()).isEmpty();
        assertThat(verdicts).filteredOn(v -> v.result().equals("no-schema")).allSatisfy(
                v -> assertThat(v.apiVersion()).as(v.describe() + " has no schema").startsWith(NO_PUBLISHED_SCHEMA));
        assertThat(verdicts).filteredOn(v -> v.result().equals("valid")).extracting(Schemas.Verdict::kind)
                .contains("Deployment", "Service", "ConfigMap", "ServiceAccount", "HorizontalPodAutoscaler",
                        "PodDisruptionBudget", "NetworkPolicy", "Ingress", "Kafka", "KafkaNodePool", "KafkaTopic",
                        "KafkaUser", "Cluster", "Database", "ServiceMonitor");
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everything_lands_in_the_overlays_namespace(String overlay) {
        List<JsonNode> resources = Overlays.render(overlay);
        String namespace = overlay.equals("prod") ? "tijdig" : "tijdig-" + overlay;
        assertThat(resources).allSatisfy(r -> assertThat(r.path("metadata").path("namespace").asText())
                .as(Overlays.describe(r)).isEqualTo(namespace));
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void secrets_are_referenced_never_committed(String overlay) {
        List<JsonNode> resources = Overlays.render(overlay);
        assertThat(Overlays.ofKind(resources, "Secret")).as("Secrets in the manifests").isEmpty();
        java.util.regex.Pattern secretish = java.util.regex.Pattern.compile("(?i).*(PASSWORD|SECRET|API_KEY|JAAS).*");
        for (JsonNode resource : resources) {
            resource.path("data").properties().forEach(entry -> assertThat(entry.getKey())
                    .as("a secret-looking key in " + Overlays.describe(resource)).doesNotMatch(secretish));
            for (JsonNode container : resource.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode env : container.path("env")) {
                    if (secretish.matcher(env.path("name").asText()).matches()) {
                        assertThat(env.has("value")).as(env.path("name").asText() + " in " + Overlays.describe(resource)
                                + " comes from a Secret").isFalse();
                        assertThat(env.path("valueFrom").has("secretKeyRef")).isTrue();
                    }
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void a_broken_resource_is_refused_by_the_validation() {
        // given a Deployment whose replicas are a word, and a KafkaUser with an ACL operation Kafka does not have
        List<JsonNode> resources = Overlays.render("dev");
        com.fasterxml.jackson.databind.node.ObjectNode deployment = Overlays.named(resources, "Deployment", "invoice-service").deepCopy();
        deployment.with("spec").put("replicas", "two");
        com.fasterxml.jackson.databind.node.ObjectNode user = Overlays.named(resources, "KafkaUser", "invoice-service").deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) user.path("spec").path("authorization").path("acls").get(0)
                .path("operations")).add("Steal");

        // when / then
        assertThat(Schemas.validate(List.of(deployment, user))).extracting(Schemas.Verdict::result)
                .containsExactly("invalid", "invalid");
    }
}
