package nl.tijdig.eventstore.inbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.tijdig.events.EventEnvelope;

/** The inbox table: which events a consumer has handled. */
public final class Inbox {

    private final Clock clock;

    public Inbox(Clock clock) {
        this.clock = clock;
    }

    /**
     * Runs the handler for the event unless this consumer handled it before, in the given transaction.
     * Emits true when it ran the handler, false for a duplicate.
     */
    public Uni<Boolean> handleOnce(SqlConnection tx, String consumer, EventEnvelope event, EventHandler handler) {
        return tx.preparedQuery("INSERT INTO eventstore.inbox (consumer, event_id, processed_at) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (consumer, event_id) DO NOTHING")
                .execute(Tuple.of(consumer, event.id(), clock.instant().atOffset(ZoneOffset.UTC)))
                .flatMap(rows -> rows.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : Uni.createFrom().deferred(() -> handler.handle(tx, event)).replaceWith(true));
    }

    /**
     * Runs the handler for each event of a batch this consumer has not handled before, in order, in the given
     * transaction: the batch is recorded in the inbox with one statement, and an event that is in it twice (a
     * relay that published it again) runs once. Emits how many handlers ran.
     */
    public Uni<Long> handleAllOnce(SqlConnection tx, String consumer, List<EventEnvelope> events, EventHandler handler) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        if (events.size() == 1) {
            return handleOnce(tx, consumer, events.get(0), handler).map(ran -> ran ? 1L : 0L);
        }
        UUID[] ids = events.stream().map(EventEnvelope::id).toArray(UUID[]::new);
        return tx.preparedQuery("INSERT INTO eventstore.inbox (consumer, event_id, processed_at) "
                        + "SELECT $1, id, $3 FROM unnest($2::uuid[]) AS e(id) "
                        + "ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id")
                .execute(Tuple.of(consumer, ids, clock.instant().atOffset(ZoneOffset.UTC)))
                .flatMap(rows -> {
                    Set<UUID> claimed = new HashSet<>();
                    rows.forEach(row -> claimed.add(row.getUUID(0)));
                    List<EventEnvelope> toHandle = new ArrayList<>();
                    for (EventEnvelope event : events) {
                        if (claimed.remove(event.id())) { // removed: a second copy of it in the batch does not run
                            toHandle.add(event);
                        }
                    }
                    return toHandle.isEmpty() ? Uni.createFrom().item(0L)
                            : Uni.createFrom().deferred(() -> handler.handleAll(tx, toHandle)).replaceWith((long) toHandle.size());
                });
    }
}
