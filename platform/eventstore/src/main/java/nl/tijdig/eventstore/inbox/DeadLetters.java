package nl.tijdig.eventstore.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.events.EventJson;

/** The dead-letter table of a service: what its consumers could not handle, for the operator. */
public final class DeadLetters {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, consumer, topic, kafka_partition, kafka_offset, message_key, headers, "
            + "payload, event_id, event_type, tenant_id, error, attempts, failed_at, redriven_at";

    private final Pool pool;
    private final Clock clock;

    public DeadLetters(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Records a dead letter once per source message (a second record of the same offset is ignored). */
    Uni<Void> record(DeadLetter letter) {
        return pool.preparedQuery("INSERT INTO eventstore.dead_letters (" + COLUMNS + ") VALUES "
                        + "($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8, $9, $10, $11, $12, $13, $14, $15) "
                        + "ON CONFLICT ON CONSTRAINT dead_letters_source DO NOTHING")
                .execute(Tuple.tuple().addUUID(letter.id()).addString(letter.consumer()).addString(letter.topic())
                        .addInteger(letter.partition()).addLong(letter.offset()).addString(letter.key())
                        .addString(json(letter.headers()))
                        .addBuffer(letter.payload() == null ? null : Buffer.buffer(letter.payload()))
                        .addUUID(letter.eventId()).addString(letter.eventType()).addUUID(letter.tenantId())
                        .addString(letter.error()).addInteger(letter.attempts())
                        .addOffsetDateTime(letter.failedAt().atOffset(ZoneOffset.UTC)).addOffsetDateTime(null))
                .replaceWithVoid();
    }

    /** Dead letters, newest first; of one consumer when {@code consumer} is not null. */
    public Uni<List<DeadLetter>> list(String consumer, boolean includeRedriven, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM eventstore.dead_letters "
                        + "WHERE ($1::text IS NULL OR consumer = $1) AND ($2 OR redriven_at IS NULL) "
                        + "ORDER BY failed_at DESC, id LIMIT $3")
                .execute(Tuple.of(consumer, includeRedriven, limit))
                .map(rows -> {
                    List<DeadLetter> letters = new ArrayList<>();
                    rows.forEach(row -> letters.add(letter(row)));
                    return letters;
                });
    }

    public Uni<Optional<DeadLetter>> get(UUID id) {
        return get(pool, id);
    }

    Uni<Optional<DeadLetter>> get(SqlClient client, UUID id) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM eventstore.dead_letters WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(letter(rows.iterator().next())) : Optional.empty());
    }

    Uni<Void> markRedriven(SqlClient client, UUID id) {
        return client.preparedQuery("UPDATE eventstore.dead_letters SET redriven_at = $2 WHERE id = $1")
                .execute(Tuple.of(id, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    Uni<Void> failedAgain(UUID id, String error) {
        return pool.preparedQuery("UPDATE eventstore.dead_letters SET error = $2, attempts = attempts + 1, failed_at = $3 "
                        + "WHERE id = $1")
                .execute(Tuple.of(id, error, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    private static DeadLetter letter(Row row) {
        Buffer payload = row.getBuffer("payload");
        OffsetDateTime redriven = row.getOffsetDateTime("redriven_at");
        return new DeadLetter(row.getUUID("id"), row.getString("consumer"), row.getString("topic"),
                row.getInteger("kafka_partition"), row.getLong("kafka_offset"), row.getString("message_key"),
                headers(row.getValue("headers").toString()), payload == null ? null : payload.getBytes(),
                row.getUUID("event_id"), row.getString("event_type"), row.getUUID("tenant_id"), row.getString("error"),
                row.getInteger("attempts"), row.getOffsetDateTime("failed_at").toInstant(),
                redriven == null ? null : redriven.toInstant());
    }

    private static String json(Map<String, String> headers) {
        try {
            return EventJson.mapper().writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> headers(String json) {
        try {
            return EventJson.mapper().readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
