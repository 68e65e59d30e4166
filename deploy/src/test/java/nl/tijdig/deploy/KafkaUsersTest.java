package nl.tijdig.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service's KafkaUser allows exactly what its code does: write its own topic and its consumers' dead-letter
 * topics, read the topics it subscribes to, in its consumer groups — no more, no less. Every topic exists.
 */
class KafkaUsersTest {

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("nl.tijdig.deploy.WorkloadRulesTest#workloads")
    void the_users_acls_are_exactly_the_topics_and_groups_the_service_uses(String overlay, String service) {
        // given what the service's code reads, writes and consumes in
        Map<String, Set<String>> expected = new TreeMap<>();
        ServiceCode.writes(service).forEach(t -> grant(expected, "topic:" + t, "Write", "Describe"));
        ServiceCode.reads(service).forEach(t -> grant(expected, "topic:" + t, "Read", "Describe"));
        ServiceCode.groups(service).forEach(g -> grant(expected, "group:" + g, "Read"));
        assertThat(ServiceCode.groups(service)).as("the subscriptions found in " + service).isNotEmpty();

        // when the KafkaUser's ACLs are read
        JsonNode user = Overlays.named(Overlays.render(overlay), "KafkaUser", service).path("spec");
        assertThat(user.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        Map<String, Set<String>> granted = new TreeMap<>();
        for (JsonNode acl : user.path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            assertThat(resource.path("patternType").asText("literal")).as("no prefix ACLs").isEqualTo("literal");
            assertThat(acl.path("type").asText("allow")).isEqualTo("allow");
            grant(granted, resource.path("type").asText() + ":" + resource.path("name").asText(),
                    Labels.texts(acl.path("operations")).toArray(String[]::new));
        }

        // then they are the same
        assertThat(granted).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"dev", "prod"})
    void every_topic_a_service_uses_is_declared_and_kept_for_replay(String overlay) {
        List<JsonNode> resources = Overlays.render(overlay);
        Set<String> declared = new TreeSet<>();
        Overlays.ofKind(resources, "KafkaTopic").forEach(t -> declared.add(t.path("metadata").path("name").asText()));
        Set<String> used = new TreeSet<>();
        for (String service : ServiceCode.SERVICES.keySet()) {
            used.addAll(ServiceCode.writes(service));
            used.addAll(ServiceCode.reads(service));
        }
        assertThat(declared).isEqualTo(used);
        for (String service : ServiceCode.SERVICES.keySet()) {
            JsonNode topic = Overlays.named(resources, "KafkaTopic", ServiceCode.ownTopic(service)).path("spec");
            assertThat(topic.path("config").path("retention.ms").asLong()).as("events are replayed from the start").isEqualTo(-1);
            assertThat(topic.path("partitions").asInt()).isGreaterThanOrEqualTo(3);
        }
        assertThat(Overlays.named(resources, "Kafka", "tijdig").path("spec").path("kafka").path("config")
                .path("auto.create.topics.enable").asBoolean(true)).isFalse();
    }

    private static void grant(Map<String, Set<String>> acls, String resource, String... operations) {
        acls.computeIfAbsent(resource, r -> new TreeSet<>()).addAll(List.of(operations));
    }
}
