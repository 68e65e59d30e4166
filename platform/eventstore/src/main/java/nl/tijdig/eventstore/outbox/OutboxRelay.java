package nl.tijdig.eventstore.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.EventJson;
import nl.tijdig.events.WireMessage;
import nl.tijdig.eventstore.BackgroundWorker;
import nl.tijdig.eventstore.EventStore;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka: in id order (which is each stream's order), in batches, with an
 * idempotent producer and {@code acks=all}; rows are deleted only after Kafka acknowledged the whole
 * batch. A failed batch is sent again whole, so an event may be published twice but never lost and
 * never out of order within its stream (consumers deduplicate by event id).
 *
 * <p>One active relay per database, however many replicas run: the relay holds a PostgreSQL session
 * advisory lock on a dedicated connection while it works; the others retry now and then, and one
 * takes over when that connection ends. When the outbox is empty it looks again after a short poll
 * interval (50 ms by default); after a full batch it goes on at once. (Appends do not NOTIFY: see
 * {@link EventStore}.)
 */
public final class OutboxRelay extends BackgroundWorker {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key of the relay: the same in every replica of a service (one database each). */
    static final long LOCK_KEY = 0x7469_6a64_6967_0001L; // "tijdig" + 1
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final Pool pool;
    private final Producer<String, byte[]> producer;
    private final RelaySettings settings;
    private final String name;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();
    private volatile boolean leader;
    private SqlConnection leaderConnection;

    public OutboxRelay(String name, Pool pool, Producer<String, byte[]> producer, RelaySettings settings) {
        super("outbox-relay-" + name);
        this.name = Objects.requireNonNull(name, "name");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The producer settings the relay relies on: acks=all, idempotence, ordered retries. */
    public static Producer<String, byte[]> producer(String bootstrapServers, String clientId, Map<String, ?> extra) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.putAll(extra);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    protected void wakeUp() {
        wakeUp.release();
    }

    public boolean isLeader() {
        return leader;
    }

    /** Events published since this relay was created (a figure for benchmarks and logs). */
    public long publishedCount() {
        return published.get();
    }

    @Override
    protected void loop() {
        LOG.infof("outbox relay %s started", name);
        while (running()) {
            try {
                if (!leader && !becomeLeader()) {
                    wakeUp.tryAcquire(settings.leaderRetry().toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                int sent = publishBatch(leaderConnection);
                if (sent < settings.batchSize()) {
                    wakeUp.tryAcquire(settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.warnf(e, "outbox relay %s: round failed, retrying in %s", name, settings.errorBackoff());
                resignLeadership();
                pause(settings.errorBackoff());
            }
        }
        resignLeadership();
        LOG.infof("outbox relay %s stopped after publishing %d events", name, published.get());
    }

    private boolean becomeLeader() {
        SqlConnection connection = pool.getConnection().await().atMost(DB_TIMEOUT);
        try {
            boolean locked = connection.preparedQuery("SELECT pg_try_advisory_lock($1)").execute(Tuple.of(LOCK_KEY))
                    .await().atMost(DB_TIMEOUT).iterator().next().getBoolean(0);
            if (!locked) {
                connection.closeAndAwait();
                return false;
            }
            leaderConnection = connection;
            leader = true;
            LOG.infof("outbox relay %s is the active relay", name);
            return true;
        } catch (RuntimeException e) {
            connection.closeAndAwait();
            throw e;
        }
    }

    private void resignLeadership() {
        leader = false;
        SqlConnection connection = leaderConnection;
        leaderConnection = null;
        if (connection != null) {
            try {
                // the connection goes back to the pool: release the lock the session holds first
                connection.preparedQuery("SELECT pg_advisory_unlock($1)").execute(Tuple.of(LOCK_KEY))
                        .await().atMost(DB_TIMEOUT);
            } catch (RuntimeException e) {
                LOG.debugf(e, "releasing the relay lock failed (a broken connection has released it)");
            } finally {
                connection.close().await().atMost(DB_TIMEOUT);
            }
        }
    }

    /** Publishes one batch; returns how many events it published. */
    int publishBatch(SqlConnection connection) throws InterruptedException {
        RowSet<Row> rows = connection.preparedQuery("SELECT id, topic, message_key, headers, payload "
                        + "FROM eventstore.outbox ORDER BY id LIMIT $1")
                .execute(Tuple.of(settings.batchSize())).await().atMost(DB_TIMEOUT);
        if (rows.size() == 0) {
            return 0;
        }
        List<Long> ids = new ArrayList<>(rows.size());
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ids.add(row.getLong("id"));
            WireMessage message = new WireMessage(row.getString("topic"), row.getString("message_key"),
                    headers(row.getValue("headers").toString()), row.getBuffer("payload").getBytes());
            acks.add(producer.send(CloudEventsKafka.toProducerRecord(message)));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("Kafka did not acknowledge the batch; it will be sent again", e.getCause());
            }
        }
        connection.preparedQuery("DELETE FROM eventstore.outbox WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new))).await().atMost(DB_TIMEOUT);
        published.addAndGet(ids.size());
        return ids.size();
    }

    private static Map<String, String> headers(String json) {
        try {
            return EventJson.mapper().readValue(json, HEADERS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbox headers", e);
        }
    }
}
