package nl.tijdig.collection.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import nl.tijdig.kernel.TenantId;

/**
 * What partners are told about their cases after the hand-over — a recall — kept with the decision that causes it
 * (same transaction) and sent after: a REST agency by a call (claimed when due, each attempt leased for its back-off),
 * a batch-file agency in its day's recall file.
 */
@ApplicationScoped
public class Notices {

    /** A recall to tell the partner (this attempt leased). */
    public record Recall(UUID collectionCaseId, TenantId tenant, UUID partnerId, String reason, int attempt, Instant at) {
    }

    /** A notice as the case shows it. */
    public record Shown(String kind, String status, int attempts, String lastError, Instant createdAt) {
    }

    @Inject
    Clock clock;

    /** What the partner was (or is to be) told about the tenant's case. */
    public Uni<List<Shown>> of(SqlClient client, TenantId tenant, UUID collectionCaseId) {
        return client.preparedQuery("SELECT * FROM partner_notices WHERE tenant_id = $1 AND collection_case_id = $2 ORDER BY created_at")
                .execute(Tuple.of(tenant.value(), collectionCaseId))
                .map(rows -> {
                    List<Shown> found = new ArrayList<>();
                    rows.forEach(row -> found.add(new Shown(row.getString("kind"), row.getString("status"), row.getInteger("attempts"),
                            row.getString("last_error"), CollectionCases.instant(row, "created_at"))));
                    return found;
                });
    }

    public Uni<Void> recall(SqlConnection tx, TenantId tenant, UUID collectionCaseId, UUID partnerId, String reason) {
        Instant now = clock.instant();
        return tx.preparedQuery("INSERT INTO partner_notices (collection_case_id, kind, tenant_id, partner_id, reason, status, "
                        + "next_attempt_at, created_at) VALUES ($1, 'RECALL', $2, $3, $4, 'PENDING', $5, $5) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(collectionCaseId, tenant.value(), partnerId, reason, CollectionCases.at(now))).replaceWithVoid();
    }

    /** Claims due recalls to partners of these kinds (those called), each counting an attempt and leased. */
    public Uni<List<Recall>> claim(SqlConnection tx, List<String> kinds, int limit, IntFunction<Duration> lease) {
        Instant now = clock.instant();
        return tx.preparedQuery("SELECT n.* FROM partner_notices n JOIN partners p ON p.partner_id = n.partner_id WHERE n.status = 'PENDING' "
                        + "AND n.next_attempt_at <= $1 AND p.kind = ANY($3) ORDER BY n.next_attempt_at LIMIT $2 FOR UPDATE OF n SKIP LOCKED")
                .execute(Tuple.of(CollectionCases.at(now), limit, kinds.toArray(String[]::new)))
                .chain(rows -> Leases.lease(tx, rows, "partner_notices", "collection_case_id = $1 AND kind = 'RECALL'",
                        row -> row.getUUID("collection_case_id"), Notices::recall, now, lease));
    }

    /** The partners of this kind with recalls waiting to be told. */
    public Uni<List<UUID>> partnersWaiting(SqlClient client, String kind) {
        return client.preparedQuery("SELECT DISTINCT n.partner_id FROM partner_notices n JOIN partners p ON p.partner_id = n.partner_id "
                        + "WHERE n.status = 'PENDING' AND p.kind = $1")
                .execute(Tuple.of(kind))
                .map(rows -> {
                    List<UUID> found = new ArrayList<>();
                    rows.forEach(row -> found.add(row.getUUID("partner_id")));
                    return found;
                });
    }

    /** The recalls (told in a file) are done. */
    public Uni<Void> done(SqlConnection tx, List<Recall> recalls) {
        if (recalls.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("UPDATE partner_notices SET status = 'DONE', attempts = attempts + 1 WHERE collection_case_id = $1 "
                        + "AND kind = 'RECALL'")
                .executeBatch(recalls.stream().map(r -> Tuple.of(r.collectionCaseId())).toList()).replaceWithVoid();
    }

    /** The partner's pending recalls, locked in this transaction (for its recall file). */
    public Uni<List<Recall>> pendingOf(SqlConnection tx, UUID partnerId) {
        return tx.preparedQuery("SELECT * FROM partner_notices WHERE partner_id = $1 AND status = 'PENDING' "
                        + "ORDER BY created_at, collection_case_id FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(partnerId))
                .map(rows -> {
                    List<Recall> found = new ArrayList<>();
                    rows.forEach(row -> found.add(recall(row, row.getInteger("attempts"))));
                    return found;
                });
    }

    public Uni<Void> done(SqlClient client, UUID collectionCaseId) {
        return end(client, collectionCaseId, "DONE", null);
    }

    public Uni<Void> failed(SqlClient client, UUID collectionCaseId, String error) {
        return end(client, collectionCaseId, "FAILED", error);
    }

    public Uni<Void> attemptFailed(SqlClient client, UUID collectionCaseId, String error) {
        return Leases.attemptFailed(client, "partner_notices", "collection_case_id = $1 AND kind = 'RECALL'", collectionCaseId, error);
    }

    /** Not attempted (the partner's circuit is open): due again at {@code at}, the attempt not counted. */
    public Uni<Void> postpone(SqlClient client, UUID collectionCaseId, Instant at) {
        return Leases.postpone(client, "partner_notices", "collection_case_id = $1 AND kind = 'RECALL' AND status = 'PENDING'",
                collectionCaseId, at);
    }

    private Uni<Void> end(SqlClient client, UUID collectionCaseId, String status, String error) {
        return client.preparedQuery("UPDATE partner_notices SET status = $2, last_error = $3 WHERE collection_case_id = $1 AND kind = 'RECALL'")
                .execute(Tuple.of(collectionCaseId, status, error)).replaceWithVoid();
    }

    private static Recall recall(Row row, int attempt) {
        return new Recall(row.getUUID("collection_case_id"), new TenantId(row.getUUID("tenant_id")), row.getUUID("partner_id"),
                row.getString("reason"), attempt, CollectionCases.instant(row, "created_at"));
    }
}
