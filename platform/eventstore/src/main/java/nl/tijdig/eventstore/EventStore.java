package nl.tijdig.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import nl.tijdig.events.EventSchemas;
import nl.tijdig.events.TraceContext;
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

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DEADLOCK = "40P01";

    private final Clock clock;
    private final CloudEventsKafka codec;
    private final ObjectMapper json = EventJson.mapper();

    private final java.util.function.Supplier<TraceContext> currentTrace;

    public EventStore(Clock clock, CloudEventsKafka codec) {
        this(clock, codec, () -> TraceContext.NONE);
    }

    /**
     * @param currentTrace the trace the caller is in when it appends (the service's tracer): a published event that
     *     names no trace of its own carries this one, so its consumers' work continues the trace
     */
    public EventStore(Clock clock, CloudEventsKafka codec, java.util.function.Supplier<TraceContext> currentTrace) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.currentTrace = Objects.requireNonNull(currentTrace, "currentTrace");
    }

    public EventStore(Clock clock) {
        this(clock, CloudEventsKafka.standard());
    }

    private TraceContext trace(NewEvent.Published event) {
        if (event.trace().traceparent() != null) {
            return event.trace();
        }
        TraceContext current = currentTrace.get();
        return current == null ? TraceContext.NONE : current;
    }

    /** What an append did: the stream's new version. */
    public record AppendResult(UUID streamId, long version) {
    }

    /** Events for one stream, which must be at {@code expectedVersion} (0 for a new stream). */
    public record StreamAppend(StreamRef stream, long expectedVersion, List<? extends NewEvent> events) {
        public StreamAppend {
            Objects.requireNonNull(stream, "stream");
            if (expectedVersion < 0) {
                throw new IllegalArgumentException("expectedVersion must be 0 or more, was " + expectedVersion);
            }
            events = List.copyOf(events);
        }
    }

    /**
     * Appends {@code events} to the stream, which must be at {@code expectedVersion}. Public events
     * also go to the outbox. Run it inside a transaction.
     */
    public Uni<AppendResult> append(SqlConnection tx, TenantId tenant, StreamRef stream, long expectedVersion,
            List<? extends NewEvent> events) {
        return appendAll(tx, tenant, List.of(new StreamAppend(stream, expectedVersion, events))).map(r -> r.get(0));
    }

    /**
     * Appends to many streams at once (a batch of invoices, say) in a handful of statements whatever
     * the batch size: one per kind of row, with arrays. Outbox rows are written in the order given, so
     * each stream's events are published in order. All or nothing: when any stream is not at its
     * expected version, the whole append fails with {@link ConcurrencyConflictException} (and the
     * caller's transaction should roll back). Run it inside a transaction.
     */
    public Uni<List<AppendResult>> appendAll(SqlConnection tx, TenantId tenant, List<StreamAppend> appends) {
        Objects.requireNonNull(tenant, "tenant");
        Instant now = clock.instant();
        Rows created = new Rows();
        Rows moved = new Rows();
        Rows events = new Rows();
        Rows outbox = new Rows();
        List<AppendResult> results = new ArrayList<>(appends.size());
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        for (StreamAppend append : appends) {
            StreamRef stream = append.stream();
            if (!seen.add(stream.id())) {
                throw new IllegalArgumentException("stream " + stream.id() + " appears twice in one append");
            }
            long newVersion = append.expectedVersion() + append.events().size();
            results.add(new AppendResult(stream.id(), newVersion));
            if (append.events().isEmpty()) {
                continue;
            }
            (append.expectedVersion() == 0 ? created : moved)
                    .add(stream.id(), stream.type(), append.expectedVersion(), newVersion);
            long version = append.expectedVersion();
            for (NewEvent event : append.events()) {
                version++;
                switch (event) {
                    case NewEvent.Published p -> {
                        requireTenant(tenant, p.event().tenantId());
                        if (!p.event().aggregateId().equals(stream.id())) {
                            throw new IllegalArgumentException("event " + p.eventId() + " belongs to stream "
                                    + p.event().aggregateId() + ", not " + stream.id());
                        }
                        EventEnvelope envelope = new EventEnvelope(p.eventId(), codec.catalogue().of(p.event()),
                                stream.id(), tenant, p.event().occurredAt(), version, trace(p), p.event());
                        WireMessage message = codec.encode(envelope);
                        EventSchemas.check(envelope.type(), message.payload()); // never publish what breaks the contract
                        events.add(p.eventId(), stream.id(), version, envelope.type().type(),
                                new String(message.payload(), java.nio.charset.StandardCharsets.UTF_8),
                                utc(p.event().occurredAt()));
                        outbox.add(p.eventId(), message.topic(), message.key(), toJson(message.headers()),
                                Buffer.buffer(message.payload()).getDelegate());
                    }
                    case NewEvent.Internal i -> events.add(i.eventId(), stream.id(), version, i.type(),
                            i.data().toString(), utc(i.occurredAt()));
                }
            }
        }
        if (events.isEmpty()) {
            return Uni.createFrom().item(results);
        }
        OffsetDateTime recordedAt = utc(now);
        int streams = created.size() + moved.size();
        Rows claims = created.concat(moved);
        return tx.preparedQuery(APPEND)
                .execute(Tuple.tuple(List.of(tenant.value(),
                        created.column(0, UUID[]::new), created.column(1, String[]::new), created.column(3, Long[]::new),
                        moved.column(0, UUID[]::new), moved.column(2, Long[]::new), moved.column(3, Long[]::new),
                        streams, recordedAt,
                        events.column(0, UUID[]::new), events.column(1, UUID[]::new), events.column(2, Long[]::new),
                        events.column(3, String[]::new), events.column(4, String[]::new),
                        events.column(5, OffsetDateTime[]::new),
                        outbox.column(0, UUID[]::new), outbox.column(1, String[]::new), outbox.column(2, String[]::new),
                        outbox.column(3, String[]::new), outbox.column(4, io.vertx.core.buffer.Buffer[]::new))))
                .flatMap(rows -> checkClaimed(tx, tenant, claims, rows))
                .onFailure(EventStore::isConflict)
                .transform(e -> e instanceof ConcurrencyConflictException ? e
                        : new ConcurrencyConflictException(appends.get(0).stream().id(), appends.get(0).expectedVersion(), -1))
                .replaceWith(results);
    }

    /**
     * The whole append in one statement (one round trip): claim the streams (insert the new ones, move
     * the existing ones from their expected version), and only when every stream was claimed, insert
     * the events and the outbox rows in the order given. (No NOTIFY for the relay: a notifying
     * transaction takes a global lock at commit, which cost a third of the throughput of one-event
     * transactions in the benchmark; the relay polls an idle outbox every 50 ms instead.) Concurrent appenders of
     * a stream wait on its row and then find it moved (or inserted): nothing is written, and the
     * statement returns fewer streams than asked, which is the conflict.
     */
    private static final String APPEND = """
            WITH created AS (
                INSERT INTO eventstore.streams (stream_id, tenant_id, stream_type, version)
                SELECT n.id, $1, n.type, n.version FROM unnest($2::uuid[], $3::text[], $4::bigint[]) AS n(id, type, version)
                ON CONFLICT (stream_id) DO NOTHING
                RETURNING stream_id),
            moved AS (
                UPDATE eventstore.streams s SET version = m.version
                FROM unnest($5::uuid[], $6::bigint[], $7::bigint[]) AS m(id, expected, version)
                WHERE s.stream_id = m.id AND s.tenant_id = $1 AND s.version = m.expected
                RETURNING s.stream_id),
            claimed AS (SELECT stream_id FROM created UNION ALL SELECT stream_id FROM moved),
            complete AS (SELECT count(*) = $8 AS ok FROM claimed),
            appended AS (
                INSERT INTO eventstore.events (event_id, stream_id, version, tenant_id, event_type, data, occurred_at,
                    recorded_at)
                SELECT e.id, e.stream, e.version, $1, e.type, e.data::jsonb, e.occurred, $9
                FROM unnest($10::uuid[], $11::uuid[], $12::bigint[], $13::text[], $14::text[], $15::timestamptz[])
                    WITH ORDINALITY AS e(id, stream, version, type, data, occurred, ord)
                WHERE (SELECT ok FROM complete)
                ORDER BY e.ord
                RETURNING 1),
            queued AS (
                INSERT INTO eventstore.outbox (event_id, topic, message_key, headers, payload, created_at)
                SELECT o.id, o.topic, o.key, o.headers::jsonb, o.payload, $9
                FROM unnest($16::uuid[], $17::text[], $18::text[], $19::text[], $20::bytea[])
                    WITH ORDINALITY AS o(id, topic, key, headers, payload, ord)
                WHERE (SELECT ok FROM complete)
                ORDER BY o.ord
                RETURNING 1)
            SELECT c.stream_id, (SELECT count(*) FROM appended) AS events, (SELECT count(*) FROM queued) AS queued
            FROM claimed c
            """;

    /** Every stream of {@code claimed} must have been returned by the statement, else a conflict. */
    private Uni<Void> checkClaimed(SqlConnection tx, TenantId tenant, Rows claimed,
            io.vertx.mutiny.sqlclient.RowSet<Row> returned) {
        if (returned.rowCount() == claimed.size()) {
            return Uni.createFrom().voidItem();
        }
        java.util.Set<UUID> got = new java.util.HashSet<>();
        returned.forEach(row -> got.add(row.getUUID(0)));
        for (int i = 0; i < claimed.size(); i++) {
            UUID id = (UUID) claimed.get(i, 0);
            if (!got.contains(id)) {
                return conflict(tx, tenant, id, (Long) claimed.get(i, 2));
            }
        }
        return Uni.createFrom().voidItem();
    }

    /** Column-wise rows for array parameters. */
    private static final class Rows {
        private final List<Object[]> rows = new ArrayList<>();

        void add(Object... values) {
            rows.add(values);
        }

        boolean isEmpty() {
            return rows.isEmpty();
        }

        int size() {
            return rows.size();
        }

        Object get(int row, int column) {
            return rows.get(row)[column];
        }

        Rows concat(Rows other) {
            Rows both = new Rows();
            both.rows.addAll(rows);
            both.rows.addAll(other.rows);
            return both;
        }

        <T> T[] column(int column, java.util.function.IntFunction<T[]> array) {
            T[] values = array.apply(rows.size());
            for (int i = 0; i < values.length; i++) {
                @SuppressWarnings("unchecked")
                T value = (T) rows.get(i)[column];
                values[i] = value;
            }
            return values;
        }
    }

    /** The stream's events in order; empty when the stream does not exist for this tenant. */
    public Uni<List<RecordedEvent>> load(SqlClient client, TenantId tenant, UUID streamId) {
        return client.preparedQuery("SELECT position, event_id, stream_id, version, tenant_id, event_type, data, "
                        + "occurred_at, recorded_at FROM eventstore.events "
                        + "WHERE stream_id = $1 AND tenant_id = $2 ORDER BY version")
                .execute(Tuple.of(streamId, tenant.value()))
                .map(rows -> {
                    List<RecordedEvent> events = new ArrayList<>(rows.size());
                    rows.forEach(row -> events.add(RecordedEvent.from(row)));
                    return events;
                });
    }

    /**
     * The events of many streams in one query (a batch that needs each of its debtors, say), each stream's in order;
     * a stream that does not exist for this tenant is absent from the map.
     */
    public Uni<java.util.Map<UUID, List<RecordedEvent>>> loadAll(SqlClient client, TenantId tenant, java.util.Collection<UUID> streamIds) {
        if (streamIds.isEmpty()) {
            return Uni.createFrom().item(java.util.Map.of());
        }
        return client.preparedQuery("SELECT position, event_id, stream_id, version, tenant_id, event_type, data, "
                        + "occurred_at, recorded_at FROM eventstore.events "
                        + "WHERE stream_id = ANY($1) AND tenant_id = $2 ORDER BY stream_id, version")
                .execute(Tuple.of(streamIds.toArray(UUID[]::new), tenant.value()))
                .map(rows -> {
                    java.util.Map<UUID, List<RecordedEvent>> streams = new java.util.LinkedHashMap<>();
                    rows.forEach(row -> {
                        RecordedEvent event = RecordedEvent.from(row);
                        streams.computeIfAbsent(event.streamId(), id -> new ArrayList<>()).add(event);
                    });
                    return streams;
                });
    }

    /** The stream's current version, or -1 when it does not exist for this tenant. */
    public Uni<Long> version(SqlClient client, TenantId tenant, UUID streamId) {
        return client.preparedQuery("SELECT version FROM eventstore.streams WHERE stream_id = $1 AND tenant_id = $2")
                .execute(Tuple.of(streamId, tenant.value()))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong(0) : -1L);
    }


    private <T> Uni<T> conflict(SqlConnection tx, TenantId tenant, UUID streamId, long expected) {
        return version(tx, tenant, streamId)
                .flatMap(actual -> Uni.createFrom().failure(new ConcurrencyConflictException(streamId, expected, actual)));
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

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * A conflict: ours, a unique violation of a stream's version (the backstop), or a deadlock between
     * two batches that claim the same streams in another order (one of them is aborted: retry it).
     */
    private static boolean isConflict(Throwable e) {
        return e instanceof ConcurrencyConflictException
                || e instanceof PgException pg && (DEADLOCK.equals(pg.getSqlState())
                        || UNIQUE_VIOLATION.equals(pg.getSqlState()) && pg.getMessage() != null
                        && pg.getMessage().contains("events_stream_version"));
    }
}
