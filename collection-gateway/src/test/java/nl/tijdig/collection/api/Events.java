package nl.tijdig.collection.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.EventCatalogue;
import nl.tijdig.events.EventEnvelope;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.EventJson;
import nl.tijdig.events.PublicEvent;
import nl.tijdig.events.TraceContext;
import nl.tijdig.eventstore.outbox.OutboxRelay;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.testing.kafka.TopicProbe;
import nl.tijdig.testing.quarkus.KafkaResource;
import org.apache.kafka.clients.producer.Producer;

/** The other services, as the collection-gateway sees them: their events in, its events out. */
final class Events {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String TOPIC = "tijdig.collection.v1";

    private Events() {
    }

    /** Publishes an event as its producer would, under a new event id. */
    static void publish(PublicEvent event) {
        try (Producer<String, byte[]> producer = OutboxRelay.producer(KafkaResource.broker().bootstrapServers(), "stand-in", Map.of())) {
            producer.send(CloudEventsKafka.toProducerRecord(CloudEventsKafka.standard().encode(
                    EventEnvelope.of(UUID.randomUUID(), event, 1, TraceContext.NONE)))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A producer's contract example, with these fields replaced (e.g. the tenant, an id). */
    static <E extends PublicEvent> E example(Class<E> type, Map<String, String> fields) {
        ObjectNode tree = (ObjectNode) EventExamples.tree(EventCatalogue.standard().of(type));
        fields.forEach(tree::put);
        try {
            return EventJson.mapper().treeToValue(tree, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the gateway published for a tenant, of a type: {@code expected} of them, and no more within seconds. */
    static <E extends PublicEvent> List<E> published(TenantId tenant, Class<E> type, int expected) {
        if (expected > 0) {
            await().atMost(WAIT).until(() -> read(tenant, type, Duration.ofSeconds(1)).size() >= expected);
        }
        List<E> found = read(tenant, type, Duration.ofSeconds(2));
        assertThat(found).as(type.getSimpleName() + " published for " + tenant).hasSize(expected);
        return found;
    }

    private static <E extends PublicEvent> List<E> read(TenantId tenant, Class<E> type, Duration window) {
        String typeName = EventCatalogue.standard().of(type).type();
        return TopicProbe.read(KafkaResource.broker().bootstrapServers(), TOPIC,
                        r -> typeName.equals(TopicProbe.header(r, CloudEventsKafka.TYPE)), Integer.MAX_VALUE, window).stream()
                .map(r -> ((CloudEventsKafka.Known) CloudEventsKafka.standard().decode(r)).envelope().data())
                .filter(e -> e.tenantId().equals(tenant)).map(type::cast).toList();
    }
}
