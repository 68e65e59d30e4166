package nl.tijdig.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The operator's dead-letter endpoints every service has (platform/runtime): a dead letter is made by
 * putting a record that is no CloudEvent on a topic the service consumes.
 */
final class DeadLetterFixtures {

    private final World world;
    private final String url;
    private final String topic;
    private String deadLetter;

    DeadLetterFixtures(World world, String url, String topic) {
        this.world = world;
        this.url = url;
        this.topic = topic;
    }

    Map<String, Fixture> all() {
        Map<String, Fixture> fixtures = new LinkedHashMap<>();
        if (topic == null) {
            // a service that consumes nothing yet has no dead letters: the operator gets 404 on one
            String none = java.util.UUID.randomUUID().toString();
            fixtures.put("GET /admin/dead-letters", Fixture.of(() -> Call.get("/admin/dead-letters"), this::noTenant));
            fixtures.put("GET /admin/dead-letters/{id}", Fixture.of(() -> new Call("GET", "/admin/dead-letters/" + none,
                    null, null, 404), this::noTenant));
            fixtures.put("POST /admin/dead-letters/{id}/redrive", Fixture.of(() -> new Call("POST",
                    "/admin/dead-letters/" + none + "/redrive", null, null, 404), this::noTenant));
            return fixtures;
        }
        fixtures.put("GET /admin/dead-letters", Fixture.of(() -> Call.get("/admin/dead-letters"), this::noTenant));
        fixtures.put("GET /admin/dead-letters/{id}", Fixture.of(() -> Call.get("/admin/dead-letters/" + deadLetter()),
                this::noTenant));
        fixtures.put("POST /admin/dead-letters/{id}/redrive", Fixture.of(() -> new Call("POST",
                "/admin/dead-letters/" + deadLetter() + "/redrive", null, null, 200), this::noTenant));
        return fixtures;
    }

    /** Operator endpoints work across tenants: a tenant's token is refused by role, which (c) checks too. */
    private void noTenant(Call call) {
        assertThat(call.send(url, world.token(world.b, "tenant-admin")).statusCode()).isEqualTo(403);
    }

    private synchronized String deadLetter() {
        if (deadLetter != null) {
            return deadLetter;
        }
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, world.kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (int attempt = 0; attempt < 60 && deadLetter == null; attempt++) {
                producer.send(new ProducerRecord<>(topic, "security-suite", "not an event".getBytes()));
                producer.flush();
                World.sleep(Duration.ofSeconds(1));
                deadLetter = Call.get("/admin/dead-letters").send(url, world.token(world.a, "operator")).path("[0].id");
            }
        }
        assertThat(deadLetter).as("a dead letter appeared at " + url).isNotNull();
        return deadLetter;
    }
}
