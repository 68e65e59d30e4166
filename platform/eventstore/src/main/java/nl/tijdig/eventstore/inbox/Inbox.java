package nl.tijdig.eventstore.inbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Clock;
import java.time.ZoneOffset;
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
}
