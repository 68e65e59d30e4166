package nl.tijdig.notification.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.tijdig.events.Channel;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.DebtorContact;
import nl.tijdig.events.EventEnvelope;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.PublicEvent;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.events.TraceContext;
import nl.tijdig.eventstore.outbox.OutboxRelay;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.testing.kafka.TopicProbe;
import nl.tijdig.testing.quarkus.KafkaResource;
import org.apache.kafka.clients.producer.Producer;

/** The other services, as the notification-service sees them: their events in, its events out. */
final class Events {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String TOPIC = "tijdig.notification.v1";

    private Events() {
    }

    /** Publishes an event as its producer would, under a new event id. */
    static void publish(PublicEvent event) {
        publish(UUID.randomUUID(), event, 1);
    }

    /** Publishes an event as its producer would, under this event id, at this place of its aggregate's stream. */
    static void publish(UUID eventId, PublicEvent event, long sequence) {
        try (Producer<String, byte[]> producer = OutboxRelay.producer(KafkaResource.broker().bootstrapServers(),
                "stand-in", Map.of())) {
            producer.send(CloudEventsKafka.toProducerRecord(CloudEventsKafka.standard().encode(
                    EventEnvelope.of(eventId, event, sequence, TraceContext.NONE)))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A producer's contract example of an event, as the event of another tenant. */
    static <E extends PublicEvent> E example(Class<E> type, TenantId tenant) {
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) EventExamples.tree(
                nl.tijdig.events.EventCatalogue.standard().of(type));
        tree.put("tenantId", tenant.toString());
        try {
            return nl.tijdig.events.EventJson.mapper().treeToValue(tree, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The dunning-service's contract example of ReminderDue, for a tenant and a new case and reminder, as a
     * letter of this kind to a debtor with this language and email address.
     */
    static ReminderDue reminder(TenantId tenant, ReminderDue.Kind kind, String language, String email, Money costs,
            List<Channel> channels) {
        ReminderDue e = EventExamples.event(ReminderDue.class);
        DebtorContact d = e.debtor();
        DebtorContact debtor = new DebtorContact(d.debtorId(), d.name(), d.segment(), language, email, d.emailAgreed(),
                d.phone(), d.address(), d.kvkNumber());
        return new ReminderDue(tenant, new CaseId(UUID.randomUUID()), UUID.randomUUID(), e.step(), kind, channels, debtor,
                e.creditor(), e.invoices(), e.totalOpen(), costs, e.interest(), e.totalDue().plus(costs).minus(e.collectionCosts()),
                e.paymentReference(), e.payLink(), e.letterDate(), kind == ReminderDue.Kind.FOURTEEN_DAY_LETTER ? 14 : e.payWithinDays(),
                e.occurredAt());
    }

    static ReminderDue reminder(TenantId tenant, ReminderDue.Kind kind, String language, String email) {
        return reminder(tenant, kind, language, email, Money.eur("0.00"), List.of(Channel.EMAIL));
    }

    /** What the notification-service published for a tenant, of a type: {@code expected} of them, and no more within seconds. */
    static <E extends PublicEvent> List<E> published(TenantId tenant, Class<E> type, int expected) {
        if (expected > 0) {
            await().atMost(WAIT).until(() -> read(tenant, type, Duration.ofSeconds(1)).size() >= expected);
        }
        List<E> found = read(tenant, type, Duration.ofSeconds(2));
        assertThat(found).as(type.getSimpleName() + " published for " + tenant).hasSize(expected);
        return found;
    }

    private static <E extends PublicEvent> List<E> read(TenantId tenant, Class<E> type, Duration window) {
        String typeName = "nl.tijdig.notification." + type.getSimpleName() + ".v1";
        return TopicProbe.read(KafkaResource.broker().bootstrapServers(), TOPIC,
                        r -> typeName.equals(TopicProbe.header(r, CloudEventsKafka.TYPE)), Integer.MAX_VALUE, window).stream()
                .map(r -> ((CloudEventsKafka.Known) CloudEventsKafka.standard().decode(r)).envelope().data())
                .filter(e -> e.tenantId().equals(tenant)).map(type::cast).toList();
    }

}
