package nl.tijdig.dunning.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.tijdig.dunning.domain.DunningCase;
import nl.tijdig.dunning.messaging.InvoicesSubscription;
import nl.tijdig.dunning.messaging.NotificationsSubscription;
import nl.tijdig.dunning.messaging.PaymentsSubscription;
import nl.tijdig.dunning.store.CaseStore;
import nl.tijdig.events.Channel;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.PhoneCallDue;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.eventstore.outbox.OutboxRelay;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Segment;
import nl.tijdig.testing.kafka.TopicProbe;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * A replay of every topic the dunning-service reads (all records delivered again, as after a consumer
 * group reset) changes no case and publishes nothing; and each case's state is what its own event
 * stream folds to.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "dunning"))
class ReplayTest extends ClockedTest {

    static final LocalDate ISSUED = LocalDate.of(2027, 11, 1);
    static final LocalDate DUE = LocalDate.of(2027, 12, 1);
    static final Map<String, String> GROUPS = Map.of("tijdig.invoice.v1", InvoicesSubscription.NAME,
            "tijdig.payment.v1", PaymentsSubscription.NAME, "tijdig.notification.v1", NotificationsSubscription.NAME);

    @Inject
    CaseStore cases;

    @Inject
    Pool pool;

    @Test
    @TestSecurity(user = "admin", roles = {"tenant-admin", "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000e5"))
    void a_replay_of_all_topics_changes_nothing_and_publishes_nothing() throws Exception {
        // given a case that was issued, partly paid, reminded (confirmed sent) and called about
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000e5");
        DebtorId debtor = world.debtor("Herhaling B.V.", Segment.B2B);
        InvoiceIssued invoice = world.invoice(debtor, "Herhaling B.V.", Segment.B2B, "RP-1", "800.00", ISSUED, DUE);
        DunningWorld.runOn(DUE.plusDays(1));
        world.sent(world.published(ReminderDue.class, 1).get(0), Channel.EMAIL,
                BusinessTime.startOf(DUE.plusDays(1)).plusSeconds(8 * 3600));
        world.paid(invoice.invoiceId(), "300.00", "500.00", DUE.plusDays(3));
        await().atMost(DunningWorld.WAIT).untilAsserted(() -> given().when().get("/cases/" + invoice.invoiceId().value())
                .then().body("state.open.amount", is("500.00")).body("state.status", is("OPEN")));
        DunningWorld.runOn(DUE.plusDays(8));
        world.published(PhoneCallDue.class, 1);
        awaitConsumed();
        String before = given().when().get("/cases/" + invoice.invoiceId().value()).then().extract().asString();

        // when every record of the topics it reads is delivered again
        int replayed = 0;
        try (Producer<String, byte[]> producer = OutboxRelay.producer(KafkaResource.broker().bootstrapServers(), "replay",
                Map.of())) {
            for (String topic : GROUPS.keySet()) {
                for (ConsumerRecord<String, byte[]> r : TopicProbe.read(KafkaResource.broker().bootstrapServers(), topic,
                        r -> true, Integer.MAX_VALUE, Duration.ofSeconds(2))) {
                    producer.send(new ProducerRecord<>(topic, null, r.key(), r.value(), r.headers())).get();
                    replayed++;
                }
            }
        }
        assertThat(replayed).isGreaterThanOrEqualTo(5); // at least this test's: profile, debtor, invoice, payment, sent
        awaitConsumed();
        DunningWorld.run(); // and the scheduler runs again that day

        // then the case is as it was, nothing more was published, and its stream folds to its state
        assertThat(given().when().get("/cases/" + invoice.invoiceId().value()).then().extract().asString()).isEqualTo(before);
        world.published(ReminderDue.class, 1);
        world.published(PhoneCallDue.class, 1);
        DunningCase.State stored = cases.get(pool, world.tenant, invoice.invoiceId().value()).await().indefinitely()
                .orElseThrow().state();
        assertThat(cases.rebuild(pool, world.tenant, invoice.invoiceId()).await().indefinitely()).contains(stored);
    }

    /** Until each consumer group has committed up to the end of its topic. */
    static void awaitConsumed() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaResource.broker().bootstrapServers()))) {
            await().atMost(DunningWorld.WAIT).until(() -> {
                for (Map.Entry<String, String> group : GROUPS.entrySet()) {
                    var committed = admin.listConsumerGroupOffsets(group.getValue()).partitionsToOffsetAndMetadata().get();
                    var partitions = admin.describeTopics(List.of(group.getKey())).allTopicNames().get().get(group.getKey())
                            .partitions().stream().map(p -> new TopicPartition(group.getKey(), p.partition()))
                            .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                    var ends = admin.listOffsets(partitions).all().get();
                    for (var end : ends.entrySet()) {
                        var at = committed.get(end.getKey());
                        if (end.getValue().offset() > 0 && (at == null || at.offset() < end.getValue().offset())) {
                            return false;
                        }
                    }
                }
                return true;
            });
        }
    }
}
