package nl.tijdig.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.EventEnvelope;
import nl.tijdig.events.EventJson;
import nl.tijdig.events.WireMessage;
import nl.tijdig.kernel.TenantId;

/**
 * The append-only event store in a service's own PostgreSQL database. It works inside the caller's
 * transaction (a reactive PG client {@link SqlConnection} in {@code pool.withTransaction(...)}): the
 * caller's own writes, the events and their outbox rows commit or roll back together. No dual write.
 *
 * <p>{@link #append} enforces optimistic concurrency: the stream must be at {@code expectedVersion}
 * (0 for a new stream), else {@link ConcurrencyConflictException}; {@code UNIQUE(stream_id, version)}
 * backs it up. Every row carries the tenant; a stream of another tenant is not visible.
 */
public final class EventStore {

    /** Notified (on commit) when outbox rows were written; the relay listens. */
    public static final String OUTBOX_CHANNEL = "eventstore_outbox";

    private static final String UNIQUE_VIOLATION = "23505";

    private final Clock clock;
    private final CloudEventsKafka codec;
    private final ObjectMapper json = EventJson.mapper();

    public EventStore(Clock clock, CloudEventsKafka codec) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    public EventStore(Clock clock) {
        this(clock, CloudEventsKafka.standard());
    }

    /** What an append did: the stream's new version. */
    public record AppendResult(UUID streamId, long version) {
    }

    /**
     * Appends {@code events} to the stream, which must be at {@code expectedVersion}. Public events
     * also go to the outbox. Run it inside a transaction.
     */
    public Uni<AppendResult> append(SqlConnection tx, TenantId tenant, StreamRef stream, long expectedVersion,
            List<? extends NewEvent> events) {
        Objects.requireNonNull(tenant, "tenant");
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must be 0 or more, was " + expectedVersion);
        }
        if (events.isEmpty()) {
            return Uni.createFrom().item(new AppendResult(stream.id(), expectedVersion));
        }
        long newVersion = expectedVersion + events.size();
        Instant now = clock.instant();
        List<Tuple> eventRows = new ArrayList<>(events.size());
        List<Tuple> outboxRows = new ArrayList<>();
        long version = expectedVersion;
        for (NewEvent event : events) {
            version++;
            switch (event) {
                case NewEvent.Published p -> {
                    requireTenant(tenant, p.event().tenantId());
                    if (!p.event().aggregateId().equals(stream.id())) {
                        throw new IllegalArgumentException("event " + p.eventId() + " belongs to stream "
                                + p.event().aggregateId() + ", not " + stream.id());
                    }
                    EventEnvelope envelope = new EventEnvelope(p.eventId(), codec.catalogue().of(p.event()),
                            stream.id(), tenant, p.event().occurredAt(), version, p.trace(), p.event());
                    WireMessage message = codec.encode(envelope);
                    eventRows.add(eventRow(p.eventId(), stream, version, tenant, envelope.type().type(),
                            json.valueToTree(p.event()), p.event().occurredAt(), now));
                    outboxRows.add(Tuple.of(p.eventId(), message.topic(), message.key(), toJson(message.headers()))
                            .addBuffer(Buffer.buffer(message.payload()))
                            .addOffsetDateTime(utc(now)));
                }
                case NewEvent.Internal i -> eventRows.add(eventRow(i.eventId(), stream, version, tenant, i.type(),
                        i.data(), i.occurredAt(), now));
            }
        }
        Uni<Void> claim = expectedVersion == 0
                ? tx.preparedQuery("INSERT INTO eventstore.streams (stream_id, tenant_id, stream_type, version) "
                                + "VALUES ($1, $2, $3, $4) ON CONFLICT (stream_id) DO NOTHING")
                        .execute(Tuple.of(stream.id(), tenant.value(), stream.type(), newVersion))
                        .flatMap(rows -> rows.rowCount() == 1 ? Uni.createFrom().voidItem()
                                : conflict(tx, tenant, stream.id(), expectedVersion))
                : tx.preparedQuery("UPDATE eventstore.streams SET version = $4 "
                                + "WHERE stream_id = $1 AND tenant_id = $2 AND version = $3")
                        .execute(Tuple.of(stream.id(), tenant.value(), expectedVersion, newVersion))
                        .flatMap(rows -> rows.rowCount() == 1 ? Uni.createFrom().voidItem()
                                : conflict(tx, tenant, stream.id(), expectedVersion));
        Uni<Void> write = claim
                .flatMap(ignored -> tx.preparedQuery("INSERT INTO eventstore.events (event_id, stream_id, version, "
                                + "tenant_id, event_type, data, occurred_at, recorded_at) "
                                + "VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8)")
                        .executeBatch(eventRows))
                .replaceWithVoid();
        if (!outboxRows.isEmpty()) {
            write = write
                    .flatMap(ignored -> tx.preparedQuery("INSERT INTO eventstore.outbox (event_id, topic, message_key, "
                                    + "headers, payload, created_at) VALUES ($1, $2, $3, $4::text::jsonb, $5, $6)")
                            .executeBatch(outboxRows))
                    .flatMap(ignored -> tx.query("NOTIFY " + OUTBOX_CHANNEL).execute())
                    .replaceWithVoid();
        }
        return write
                .onFailure(EventStore::isUniqueViolation)
                .transform(e -> new ConcurrencyConflictException(stream.id(), expectedVersion, -1))
                .replaceWith(new AppendResult(stream.id(), newVersion));
    }

    /** The stream's events in order; empty when the stream does not exist for this tenant. */
    public Uni<List<RecordedEvent>> load(SqlClient client, TenantId tenant, UUID streamId) {
        return client.preparedQuery("SELECT position, event_id, stream_id, version, tenant_id, event_type, data, "
                        + "occurred_at, recorded_at FROM eventstore.events "
                        + "WHERE stream_id = $1 AND tenant_id = $2 ORDER BY version")
                .execute(Tuple.of(streamId, tenant.value()))
                .map(rows -> {
                    List<RecordedEvent> events = new ArrayList<>(rows.size());
                    rows.forEach(row -> events.add(recorded(row)));
                    return events;
                });
    }

    /** The stream's current version, or -1 when it does not exist for this tenant. */
    public Uni<Long> version(SqlClient client, TenantId tenant, UUID streamId) {
        return client.preparedQuery("SELECT version FROM eventstore.streams WHERE stream_id = $1 AND tenant_id = $2")
                .execute(Tuple.of(streamId, tenant.value()))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong(0) : -1L);
    }

    CloudEventsKafka codec() {
        return codec;
    }

    static RecordedEvent recorded(Row row) {
        return new RecordedEvent(row.getLong("position"), row.getUUID("event_id"), row.getUUID("stream_id"),
                row.getLong("version"), new TenantId(row.getUUID("tenant_id")), row.getString("event_type"),
                readTree(row.getValue("data").toString()), row.getOffsetDateTime("occurred_at").toInstant(),
                row.getOffsetDateTime("recorded_at").toInstant());
    }

    private <T> Uni<T> conflict(SqlConnection tx, TenantId tenant, UUID streamId, long expected) {
        return version(tx, tenant, streamId)
                .flatMap(actual -> Uni.createFrom().failure(new ConcurrencyConflictException(streamId, expected, actual)));
    }

    private Tuple eventRow(UUID eventId, StreamRef stream, long version, TenantId tenant, String type, JsonNode data,
            Instant occurredAt, Instant recordedAt) {
        return Tuple.tuple().addUUID(eventId).addUUID(stream.id()).addLong(version).addUUID(tenant.value())
                .addString(type).addString(data.toString()).addOffsetDateTime(utc(occurredAt))
                .addOffsetDateTime(utc(recordedAt));
    }

    private static void requireTenant(TenantId tenant, TenantId eventTenant) {
        if (!tenant.equals(eventTenant)) {
            throw new IllegalArgumentException("an event of tenant " + eventTenant + " cannot go to a stream of " + tenant);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode readTree(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static boolean isUniqueViolation(Throwable e) {
        return e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                && pg.getMessage() != null && pg.getMessage().contains("events_stream_version");
    }
}
