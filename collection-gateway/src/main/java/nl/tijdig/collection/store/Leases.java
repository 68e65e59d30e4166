package nl.tijdig.collection.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Work claimed for a call to a partner (rows selected {@code FOR UPDATE SKIP LOCKED}): each row counts an attempt and
 * is leased — not due again until {@code lease(attempt)} has passed, so a worker that dies mid-call is succeeded by
 * another. The table has {@code attempts}, {@code next_attempt_at} and {@code last_error}.
 */
final class Leases {

    private Leases() {
    }

    /**
     * Leases the claimed rows and returns them as items ({@code item(row, attempt)}); {@code where} picks a row by its
     * key ({@code $1}).
     */
    static <T> Uni<List<T>> lease(SqlConnection tx, RowSet<Row> rows, String table, String where, Function<Row, UUID> key,
            BiFunction<Row, Integer, T> item, Instant now, IntFunction<Duration> lease) {
        List<T> claimed = new ArrayList<>();
        List<Tuple> leases = new ArrayList<>();
        for (Row row : rows) {
            int attempt = row.getInteger("attempts") + 1;
            claimed.add(item.apply(row, attempt));
            leases.add(Tuple.of(key.apply(row), attempt, CollectionCases.at(now.plus(lease.apply(attempt)))));
        }
        return leases.isEmpty() ? Uni.createFrom().item(claimed)
                : tx.preparedQuery("UPDATE " + table + " SET attempts = $2, next_attempt_at = $3 WHERE " + where)
                        .executeBatch(leases).replaceWith(claimed);
    }

    /**
     * A leased attempt not made (the partner's circuit is open): the row is due again at {@code at} and the attempt is
     * not counted; {@code where} picks the pending row by its key ({@code $1}).
     */
    static Uni<Void> postpone(io.vertx.mutiny.sqlclient.SqlClient client, String table, String where, UUID key, Instant at) {
        return client.preparedQuery("UPDATE " + table + " SET attempts = attempts - 1, next_attempt_at = $2 WHERE " + where)
                .execute(Tuple.of(key, CollectionCases.at(at))).replaceWithVoid();
    }

    /** A leased attempt failed: its error kept; the row is tried again when its lease ends. */
    static Uni<Void> attemptFailed(io.vertx.mutiny.sqlclient.SqlClient client, String table, String where, UUID key, String error) {
        return client.preparedQuery("UPDATE " + table + " SET last_error = $2 WHERE " + where)
                .execute(Tuple.of(key, error)).replaceWithVoid();
    }
}
