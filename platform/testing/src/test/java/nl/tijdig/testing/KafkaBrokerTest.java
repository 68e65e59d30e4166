package nl.tijdig.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.tijdig.testing.kafka.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    /** The clients' configuration dumps drown the test output; kept referenced so the level sticks. */
    private static final Logger KAFKA_CLIENTS = Logger.getLogger("org.apache.kafka");

    private static KafkaBroker broker;

    static {
        KAFKA_CLIENTS.setLevel(Level.WARNING);
    }

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.startNew();
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    void the_broker_accepts_and_delivers_a_record() throws Exception {
        // given a topic
        String topic = "test-" + UUID.randomUUID();

        // when a record is produced with acks=all
        produce(topic, "invoice-1", "issued");

        // then a consumer receives it with its key
        assertThat(consume(topic, 1)).containsExactly("invoice-1=issued");
    }

    @Test
    void records_survive_a_kill_9_and_the_broker_restarts_on_the_same_port() throws Exception {
        // given a produced record
        String topic = "test-" + UUID.randomUUID();
        produce(topic, "k", "before the crash");
        long firstPid = broker.serverProcesses().get(0).pid();

        // when the broker is killed with SIGKILL and started again
        broker.kill();
        assertThat(broker.isRunning()).isFalse();
        broker.start();

        // then it is a new process on the same address, and the record is still there
        assertThat(broker.serverProcesses().get(0).pid()).isNotEqualTo(firstPid);
        produce(topic, "k", "after the crash");
        assertThat(consume(topic, 2)).containsExactly("k=before the crash", "k=after the crash");
    }

    @Test
    void a_paused_broker_answers_nothing_until_it_is_resumed() throws Exception {
        // given a paused broker
        broker.pause();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "request.timeout.ms", "1000", "default.api.timeout.ms", "1500"))) {
            // then a client times out
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        } finally {
            // when it is resumed
            broker.resume();
        }
        // then it answers again
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
    }

    @Test
    void a_stopped_broker_starts_again_with_its_data() throws Exception {
        String topic = "test-" + UUID.randomUUID();
        produce(topic, "k", "kept");

        broker.restart();

        assertThat(consume(topic, 1)).containsExactly("k=kept");
    }

    private static void produce(String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", broker.bootstrapServers(), "acks", "all", "enable.idempotence", "true"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, key, value)).get(60, TimeUnit.SECONDS);
        }
    }

    private static List<String> consume(String topic, int count) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", broker.bootstrapServers(), "group.id", "test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.key() + "=" + record.value());
                }
            }
            return received;
        }
    }
}
