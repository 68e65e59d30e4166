package nl.tijdig.eventstore.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import nl.tijdig.eventstore.RecordedEvent;

/**
 * A read model that follows the service's own event store. {@link #apply} runs in the transaction
 * that also moves the projection's checkpoint, so each event is applied exactly once; {@link #reset}
 * empties the read model for a rebuild. Both must depend only on the events, so that a rebuild gives
 * the same result.
 */
public interface Projection {

    /** A stable name: the checkpoint's key. */
    String name();

    Uni<Void> apply(SqlConnection tx, RecordedEvent event);

    Uni<Void> reset(SqlConnection tx);
}
