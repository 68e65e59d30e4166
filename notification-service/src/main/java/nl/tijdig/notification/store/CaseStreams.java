package nl.tijdig.notification.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import nl.tijdig.events.CaseNotification;
import nl.tijdig.eventstore.EventStore;
import nl.tijdig.eventstore.DecisionStore;
import nl.tijdig.eventstore.StreamRef;
import nl.tijdig.kernel.IdGenerator;

/**
 * What the notification-service published about a case, as the case's stream here (a notification event
 * belongs to its case's stream, so a case's communications arrive in order): appended at the version read
 * in the transaction, so two appends to one case at once conflict and the later one is tried again
 * ({@link nl.tijdig.eventstore.ConcurrencyConflictException}).
 */
@ApplicationScoped
public class CaseStreams {

    static final String STREAM_TYPE = "case-communications";

    @Inject
    EventStore store;

    @Inject
    IdGenerator ids;

    public Uni<Void> append(SqlConnection tx, CaseNotification event) {
        return DecisionStore.record(store, ids, tx, event.tenantId(), new StreamRef(event.aggregateId(), STREAM_TYPE), List.of(event));
    }
}
