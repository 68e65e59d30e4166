package nl.tijdig.eventstore.inbox;

import io.vertx.mutiny.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import nl.tijdig.events.BoundedContext;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.EventEnvelope;
import nl.tijdig.events.MalformedEventException;
import nl.tijdig.events.WireMessage;
import nl.tijdig.eventstore.BackgroundWorker;
import nl.tijdig.eventstore.outbox.OutboxRelay;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Consumes events from Kafka into a service, exactly once in effect: each event's handler runs in a
 * transaction that also records the event in the inbox, and offsets are committed only after that
 * transaction committed. A batch of events is handled in one transaction; when it fails, the events
 * are handled one by one so that one bad event cannot hold back the others. An event that still fails
 * after the configured attempts, or a message that is not a valid event, is dead-lettered (recorded
 * in the dead-letter table and published to {@code <topic>.dlq.<consumer>}, with the error) and the
 * consumer goes on. Events of types this service does not know are skipped.
 */
public final class EventConsumer extends BackgroundWorker {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final List<String> topics;
    private final Map<String, Object> kafkaConfig;
    private final Pool pool;
    private final EventHandler handler;
    private final CloudEventsKafka codec;
    private final ConsumerSettings settings;
    private final Clock clock;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final Map<String, ?> clientConfig;
    private volatile KafkaConsumer<String, byte[]> kafka;

    /**
     * @param name the consumer's name: its Kafka group id, inbox key and dead-letter topic suffix
     * @param bootstrapServers the Kafka bootstrap servers
     */
    public EventConsumer(String name, Collection<String> topics, String bootstrapServers, Pool pool,
            EventHandler handler, CloudEventsKafka codec, ConsumerSettings settings, Clock clock) {
        this(name, topics, bootstrapServers, Map.of(), pool, handler, codec, settings, clock);
    }

    /**
     * @param clientConfig further Kafka client settings for the consumer and its dead-letter producer: how it
     *     authenticates and trusts the broker ({@code security.protocol}, {@code sasl.*}, {@code ssl.*})
     */
    public EventConsumer(String name, Collection<String> topics, String bootstrapServers, Map<String, ?> clientConfig,
            Pool pool, EventHandler handler, CloudEventsKafka codec, ConsumerSettings settings, Clock clock) {
        super("event-consumer-" + name);
        this.name = Objects.requireNonNull(name, "name");
        this.topics = List.copyOf(topics);
        this.pool = Objects.requireNonNull(pool, "pool");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.inbox = new Inbox(clock);
        this.deadLetters = new DeadLetters(pool, clock);
        this.clientConfig = Map.copyOf(clientConfig);
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, name);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, name + "-consumer");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.kafkaConfig = config;
    }

    public String name() {
        return name;
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }

    @Override
    protected void wakeUp() {
        KafkaConsumer<String, byte[]> current = kafka;
        if (current != null) {
            current.wakeup();
        }
    }

    /** Events whose handler ran and committed (duplicates not counted). */
    public long handledCount() {
        return handled.get();
    }

    public long deadLetteredCount() {
        return deadLettered.get();
    }

    /**
     * Handles a dead letter of this consumer again (through the inbox, so an event handled meanwhile
     * is not handled twice) and marks it re-driven. Returns the error when it failed again.
     */
    public Optional<String> redrive(UUID deadLetterId) {
        DeadLetter letter = deadLetters.get(deadLetterId).await().atMost(DB_TIMEOUT)
                .orElseThrow(() -> new IllegalArgumentException("no dead letter " + deadLetterId));
        if (!letter.consumer().equals(name)) {
            throw new IllegalArgumentException("dead letter " + deadLetterId + " belongs to " + letter.consumer());
        }
        try {
            CloudEventsKafka.Decoded decoded = codec.decode(letter.headers(), letter.payload());
            pool.withTransaction(tx -> (decoded instanceof CloudEventsKafka.Known known
                            ? inbox.handleOnce(tx, name, known.envelope(), handler).replaceWithVoid()
                            : io.smallrye.mutiny.Uni.createFrom().voidItem())
                            .flatMap(ignored -> deadLetters.markRedriven(tx, deadLetterId)))
                    .await().atMost(DB_TIMEOUT);
            LOG.infof("consumer %s: dead letter %s re-driven", name, deadLetterId);
            return Optional.empty();
        } catch (RuntimeException e) {
            deadLetters.failedAgain(deadLetterId, describe(e)).await().atMost(DB_TIMEOUT);
            return Optional.of(describe(e));
        }
    }

    @Override
    protected void loop() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafkaConfig, new StringDeserializer(),
                new ByteArrayDeserializer());
                Producer<String, byte[]> dlq = OutboxRelay.producer(
                        (String) kafkaConfig.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG), name + "-dlq", clientConfig)) {
            kafka = consumer;
            consumer.subscribe(topics);
            LOG.infof("consumer %s started on %s", name, topics);
            while (running()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(settings.pollTimeout());
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    process(records, dlq);
                    consumer.commitSync(nextOffsets(records));
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // the database or Kafka failed: nothing of this batch counts; read it again later
                    LOG.warnf(e, "consumer %s: batch failed, retrying in %s", name, settings.backoff());
                    rewind(consumer, records);
                    pause(settings.backoff());
                }
            }
        } catch (WakeupException e) {
            // stop() was called
        } catch (RuntimeException e) {
            LOG.errorf(e, "consumer %s stopped by an unexpected error", name);
        } finally {
            kafka = null;
            LOG.infof("consumer %s stopped", name);
        }
    }

    private void process(ConsumerRecords<String, byte[]> records, Producer<String, byte[]> dlq) {
        List<Received> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                switch (codec.decode(record)) {
                    case CloudEventsKafka.Known known -> events.add(new Received(record, known.envelope()));
                    case CloudEventsKafka.Unknown unknown -> LOG.debugf("consumer %s skips %s %s of a type it does not know",
                            name, unknown.type(), unknown.id());
                }
            } catch (MalformedEventException e) {
                deadLetter(record, null, describe(e), 1, dlq);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        try {
            List<EventEnvelope> envelopes = events.stream().map(Received::envelope).toList();
            long ran = pool.withTransaction(tx -> inbox.handleAllOnce(tx, name, envelopes, handler))
                    .await().atMost(DB_TIMEOUT);
            handled.addAndGet(ran);
        } catch (RuntimeException batchFailure) {
            LOG.debugf(batchFailure, "consumer %s: batch of %d failed; handling one by one", name, events.size());
            for (Received event : events) {
                handleAlone(event, dlq);
            }
        }
    }

    private void handleAlone(Received event, Producer<String, byte[]> dlq) {
        Duration pause = settings.backoff();
        RuntimeException last = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try {
                boolean ran = pool.withTransaction(tx -> inbox.handleOnce(tx, name, event.envelope(), handler))
                        .await().atMost(DB_TIMEOUT);
                if (ran) {
                    handled.incrementAndGet();
                }
                return;
            } catch (RuntimeException e) {
                last = e;
                if (attempt < settings.attempts()) {
                    pause(pause);
                    pause = pause.multipliedBy(2);
                }
            }
        }
        deadLetter(event.record(), event.envelope(), describe(last), settings.attempts(), dlq);
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, EventEnvelope event, String error, int attempts,
            Producer<String, byte[]> dlq) {
        Map<String, String> headers = CloudEventsKafka.headers(record);
        DeadLetter letter = new DeadLetter(UUID.randomUUID(), name, record.topic(), record.partition(), record.offset(),
                record.key(), headers, record.value(), event == null ? null : event.id(),
                event == null ? headers.get(CloudEventsKafka.TYPE) : event.type().type(),
                event == null ? null : event.tenantId().value(), error, attempts, clock.instant(), null);
        deadLetters.record(letter).await().atMost(DB_TIMEOUT);
        Map<String, String> dlqHeaders = new LinkedHashMap<>(headers);
        dlqHeaders.put("tijdig_dlq_consumer", name);
        dlqHeaders.put("tijdig_dlq_error", error);
        dlqHeaders.put("tijdig_dlq_topic", record.topic());
        dlqHeaders.put("tijdig_dlq_partition", Integer.toString(record.partition()));
        dlqHeaders.put("tijdig_dlq_offset", Long.toString(record.offset()));
        dlqHeaders.put("tijdig_dlq_id", letter.id().toString());
        WireMessage message = new WireMessage(BoundedContext.deadLetterTopic(record.topic(), name),
                record.key() == null ? "" : record.key(), dlqHeaders,
                record.value() == null ? new byte[0] : record.value());
        try {
            dlq.send(CloudEventsKafka.toProducerRecord(message)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + message.topic(), e.getCause());
        }
        deadLettered.incrementAndGet();
        LOG.warnf("consumer %s dead-lettered %s-%d@%d: %s", name, record.topic(), record.partition(), record.offset(),
                error);
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> list = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private static void rewind(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
        return e.getClass().getSimpleName() + ": " + message;
    }

    private record Received(ConsumerRecord<String, byte[]> record, EventEnvelope envelope) {
    }

}
