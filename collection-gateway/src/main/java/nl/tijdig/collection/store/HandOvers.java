package nl.tijdig.collection.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.EscalatedToCollection;
import nl.tijdig.kernel.TenantId;

/**
 * The hand-overs of cases to their partners: scheduled when a case opens; for an agency with an API claimed when
 * due ({@code FOR UPDATE SKIP LOCKED}; each attempt leased for its back-off, so a worker that dies mid-attempt is
 * succeeded by another), and ended DONE or FAILED with the case's event in one transaction; for a batch-file agency taken by its day's case
 * file ({@link CaseFiles}).
 */
@ApplicationScoped
public class HandOvers {

    /** A hand-over as the worker does it: the case, its partner (with sealed secrets) and the dossier. */
    public record Claimed(UUID collectionCaseId, TenantId tenant, UUID partnerId, int attempt, EscalatedToCollection dossier) {
    }

    @Inject
    Clock clock;

    public Uni<Void> schedule(SqlConnection tx, TenantId tenant, UUID collectionCaseId, UUID partnerId) {
        return tx.preparedQuery("INSERT INTO hand_overs (collection_case_id, tenant_id, partner_id, status, next_attempt_at) "
                        + "VALUES ($1, $2, $3, 'PENDING', $4) ON CONFLICT (collection_case_id) DO NOTHING")
                .execute(Tuple.of(collectionCaseId, tenant.value(), partnerId, CollectionCases.at(clock.instant())))
                .replaceWithVoid();
    }

    /**
     * Claims due hand-overs to partners of these kinds (those with a connector), each counting an attempt and leased
     * for {@code lease(attempt)}.
     */
    public Uni<List<Claimed>> claim(SqlConnection tx, List<String> kinds, int limit, java.util.function.IntFunction<Duration> lease) {
        Instant now = clock.instant();
        return tx.preparedQuery("SELECT h.collection_case_id, h.tenant_id, h.partner_id, h.attempts, e.dossier FROM hand_overs h "
                        + "JOIN escalations e ON e.collection_case_id = h.collection_case_id JOIN partners p ON p.partner_id = h.partner_id "
                        + "WHERE h.status = 'PENDING' AND h.next_attempt_at <= $1 AND p.kind = ANY($3) "
                        + "ORDER BY h.next_attempt_at LIMIT $2 FOR UPDATE OF h SKIP LOCKED")
                .execute(Tuple.of(CollectionCases.at(now), limit, kinds.toArray(String[]::new)))
                .chain(rows -> Leases.lease(tx, rows, "hand_overs", "collection_case_id = $1", row -> row.getUUID("collection_case_id"),
                        (row, attempt) -> new Claimed(row.getUUID("collection_case_id"), new TenantId(row.getUUID("tenant_id")),
                                row.getUUID("partner_id"), attempt, Intake.dossier(row.getValue("dossier"))), now, lease));
    }

    public Uni<Void> done(SqlConnection tx, UUID collectionCaseId) {
        return end(tx, collectionCaseId, "DONE", null);
    }

    public Uni<Void> failed(SqlConnection tx, UUID collectionCaseId, String error) {
        return end(tx, collectionCaseId, "FAILED", error);
    }

    /** An attempt not made (the partner's circuit is open): due again at {@code at}, the attempt not counted. */
    public Uni<Void> postpone(SqlConnection tx, UUID collectionCaseId, Instant at) {
        return Leases.postpone(tx, "hand_overs", "collection_case_id = $1 AND status = 'PENDING'", collectionCaseId, at);
    }

    /** An attempt failed and will be tried again when its lease ends. */
    public Uni<Void> attemptFailed(SqlConnection tx, UUID collectionCaseId, String error) {
        return Leases.attemptFailed(tx, "hand_overs", "collection_case_id = $1", collectionCaseId, error);
    }

    /** A hand-over not yet done is not done at all (the case was recalled). */
    public Uni<Void> cancel(SqlConnection tx, UUID collectionCaseId) {
        return tx.preparedQuery("UPDATE hand_overs SET status = 'FAILED', last_error = 'recalled before the hand-over' "
                        + "WHERE collection_case_id = $1 AND status = 'PENDING'")
                .execute(Tuple.of(collectionCaseId)).replaceWithVoid();
    }

    /** A failed hand-over of the tenant's case due again at once, its attempts counted afresh; false when there is none. */
    public Uni<Boolean> retry(SqlConnection tx, TenantId tenant, UUID collectionCaseId) {
        return tx.preparedQuery("UPDATE hand_overs SET status = 'PENDING', attempts = 0, next_attempt_at = $3, last_error = NULL "
                        + "WHERE collection_case_id = $1 AND tenant_id = $2 AND status = 'FAILED'")
                .execute(Tuple.of(collectionCaseId, tenant.value(), CollectionCases.at(clock.instant())))
                .map(rows -> rows.rowCount() == 1);
    }

    private Uni<Void> end(SqlConnection tx, UUID collectionCaseId, String status, String error) {
        return tx.preparedQuery("UPDATE hand_overs SET status = $2, last_error = $3 WHERE collection_case_id = $1")
                .execute(Tuple.of(collectionCaseId, status, error)).replaceWithVoid();
    }
}
