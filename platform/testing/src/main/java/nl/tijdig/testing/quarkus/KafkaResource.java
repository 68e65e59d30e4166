package nl.tijdig.testing.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import nl.tijdig.testing.kafka.KafkaBroker;

/**
 * A real Kafka broker for a {@code @QuarkusTest}; use it with global scope so one broker serves the
 * whole test JVM:
 * {@code @WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)}.
 * Sets {@code kafka.bootstrap.servers}. Fault tests reach the broker through {@link #broker()}.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaBroker broker;

    /** The running broker, to stop, kill, pause or restart it from a test. */
    public static KafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("no broker: the test does not use KafkaResource");
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        broker = KafkaBroker.startNew();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
