package nl.tijdig.runtime.backbone;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How the backbone's Kafka clients (outbox relay, consumers, dead-letter producers) authenticate and trust the broker:
 * the same {@code kafka.*} properties the Quarkus Kafka health check reads, so one setting serves both. On Kubernetes
 * (deploy/) they come from the service's KafkaUser secret (SCRAM-SHA-512) and the cluster CA (PEM trust store).
 */
public final class KafkaClientSecurity {

    /** The client settings taken over, without the {@code kafka.} prefix. */
    public static final List<String> KEYS = List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config",
            "ssl.truststore.type", "ssl.truststore.location", "ssl.truststore.password", "ssl.keystore.type",
            "ssl.keystore.location", "ssl.keystore.password", "ssl.key.password", "ssl.endpoint.identification.algorithm");

    private KafkaClientSecurity() {
    }

    /** The settings that are set, read through {@code property} (a full name such as {@code kafka.sasl.mechanism}). */
    public static Map<String, String> from(Function<String, Optional<String>> property) {
        Map<String, String> settings = new TreeMap<>();
        for (String key : KEYS) {
            property.apply("kafka." + key).filter(value -> !value.isBlank()).ifPresent(value -> settings.put(key, value));
        }
        return Map.copyOf(settings);
    }
}
