package nl.tijdig.eventstore.projection;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.tijdig.eventstore.RecordedEvent;

/**
 * Moves a projection forward through the event store in commit order.
 *
 * <p>A cursor on the insert position alone skips events: transaction A takes position 1, B takes 2,
 * B commits, the projection reads 2 and moves past it, then A commits position 1 behind the cursor.
 * Here every event row carries the id of the transaction that wrote it ({@code xid8}). A round first
 * takes the line: the oldest transaction still running ({@code pg_snapshot_xmin(pg_current_snapshot())}).
 * Every transaction below it has ended, so no row can appear below that line any more. Then, in a
 * later statement (whose newer snapshot sees every committed transaction below the line), it reads
 * the rows below the line in {@code (tx_id, position)} order after the checkpoint, which moves in the
 * same transaction as the projection's writes.
 *
 * <p>A long-running transaction holds the line back (the projection waits, it does not skip).
 * Concurrent runners of one projection serialize on the checkpoint row.
 */
public final class ProjectionRunner {

    private static final Duration DB_TIMEOUT = Duration.ofSeconds(60);

    private final Pool pool;
    private final Projection projection;
    private final int batchSize;
    private final Clock clock;

    public ProjectionRunner(Pool pool, Projection projection, int batchSize, Clock clock) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.projection = Objects.requireNonNull(projection, "projection");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be 1 or more");
        }
        this.batchSize = batchSize;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Applies the next batch of committed events; returns how many. */
    public int runOnce() {
        return pool.withTransaction(this::step).await().atMost(DB_TIMEOUT);
    }

    /** Applies batches until the projection has caught up with every committed, settled event. */
    public long catchUp() {
        long total = 0;
        for (int applied = runOnce(); applied > 0; applied = runOnce()) {
            total += applied;
        }
        return total;
    }

    /** Empties the read model and applies every event again from the start. */
    public long rebuild() {
        pool.withTransaction(tx -> projection.reset(tx)
                        .flatMap(ignored -> tx.preparedQuery("DELETE FROM eventstore.projection_checkpoints WHERE projection = $1")
                                .execute(Tuple.of(projection.name())))
                        .replaceWithVoid())
                .await().atMost(DB_TIMEOUT);
        return catchUp();
    }

    private Uni<Integer> step(SqlConnection tx) {
        return tx.preparedQuery("INSERT INTO eventstore.projection_checkpoints (projection, tx_id, position, updated_at) "
                        + "VALUES ($1, '0'::xid8, 0, $2) ON CONFLICT (projection) DO NOTHING")
                .execute(Tuple.of(projection.name(), clock.instant().atOffset(ZoneOffset.UTC)))
                // the line first, in a statement of its own: every transaction below it has ended before
                // the next statement's snapshot is taken, so all the committed ones are visible to it
                .flatMap(ignored -> tx.query("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").execute())
                .flatMap(line -> tx.preparedQuery("SELECT tx_id::text AS tx_id, position FROM "
                                + "eventstore.projection_checkpoints WHERE projection = $1 FOR UPDATE")
                        .execute(Tuple.of(projection.name()))
                        .flatMap(checkpoint -> {
                            Row row = checkpoint.iterator().next();
                            // order by the xid8 column itself, not by its text form (text puts 1000 before 862)
                            return tx.preparedQuery("SELECT e.tx_id::text AS tx_text, e.position, e.event_id, "
                                            + "e.stream_id, e.version, e.tenant_id, e.event_type, e.data, e.occurred_at, "
                                            + "e.recorded_at FROM eventstore.events e "
                                            + "WHERE (e.tx_id, e.position) > ($1::xid8, $2) AND e.tx_id < $3::xid8 "
                                            + "ORDER BY e.tx_id, e.position LIMIT $4")
                                    .execute(Tuple.of(row.getString("tx_id"), row.getLong("position"),
                                            line.iterator().next().getString(0), batchSize));
                        }))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    List<RecordedEvent> events = new ArrayList<>(rows.size());
                    String lastTx = null;
                    long lastPosition = 0;
                    for (Row row : rows) {
                        events.add(RecordedEvent.from(row));
                        lastTx = row.getString("tx_text");
                        lastPosition = row.getLong("position");
                    }
                    String tx_id = lastTx;
                    long position = lastPosition;
                    return Multi.createFrom().iterable(events)
                            .onItem().transformToUniAndConcatenate(e -> projection.apply(tx, e))
                            .collect().last()
                            .flatMap(ignored -> tx.preparedQuery("UPDATE eventstore.projection_checkpoints "
                                            + "SET tx_id = $2::xid8, position = $3, updated_at = $4 WHERE projection = $1")
                                    .execute(Tuple.of(projection.name(), tx_id, position,
                                            clock.instant().atOffset(ZoneOffset.UTC))))
                            .replaceWith(events.size());
                });
    }
}
