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
 * another. The table has {@code attempts} and {@code next_attempt_at}.
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
}
