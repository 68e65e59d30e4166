package nl.tijdig.payment.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.payment.domain.StatementCheck;

/**
 * Bank statement imports (table {@code statement_imports}: each file's progress, its warnings and balance
 * checks) and every statement entry ever imported ({@code statement_entries}, by its identity across
 * statements), so that the same or an overlapping statement creates nothing twice.
 */
@ApplicationScoped
public class StatementImportStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The state of an import, as the API shows it: its format and version, the progress, what the file's
     * reading warned about (line and column) and each statement's balances against its entries.
     */
    public record Status(UUID importId, String format, String version, String status, long entries, long processed,
            long payments, long matched, long unmatched, long reversals, long duplicates, long skipped, String error,
            List<StatementCheck.Warning> warnings, List<StatementCheck.BalanceCheck> balances, Instant startedAt, Instant finishedAt) {
    }

    /** What one batch of an import counted. */
    public record Progress(long processed, long payments, long matched, long unmatched, long reversals, long duplicates,
            long skipped) {
    }

    /** Records a new import, IMPORTING. */
    public Uni<Status> start(SqlClient client, TenantId tenant, UUID id, String format, String version, long entries,
            List<StatementCheck.Warning> warnings, List<StatementCheck.BalanceCheck> balances, Instant now) {
        return client.preparedQuery("INSERT INTO statement_imports (tenant_id, import_id, format, version, status, entries, "
                        + "warnings, balances, started_at) VALUES ($1, $2, $3, $4, 'IMPORTING', $5, $6, $7, $8)")
                .execute(Tuple.tuple(Arrays.asList(tenant.value(), id, format, version, entries, json(warnings),
                        json(balances), OffsetDateTime.ofInstant(now, ZoneOffset.UTC))))
                .replaceWith(new Status(id, format, version, "IMPORTING", entries, 0, 0, 0, 0, 0, 0, 0, null, warnings,
                        balances, now, null));
    }

    public Uni<Optional<Status>> status(SqlClient client, TenantId tenant, UUID id) {
        return client.preparedQuery("SELECT * FROM statement_imports WHERE tenant_id = $1 AND import_id = $2")
                .execute(Tuple.of(tenant.value(), id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(status(rows.iterator().next())));
    }

    /** Claims the entries not imported before (by their keys) for this import; returns their keys. */
    public Uni<Set<String>> claim(SqlClient client, TenantId tenant, UUID id, String[] keys) {
        return client.preparedQuery("INSERT INTO statement_entries (tenant_id, entry_key, import_id) "
                        + "SELECT $1, k, $3 FROM unnest($2::text[]) AS k ON CONFLICT DO NOTHING RETURNING entry_key")
                .execute(Tuple.of(tenant.value(), keys, id)).map(rows -> {
                    Set<String> fresh = new HashSet<>();
                    rows.forEach(row -> fresh.add(row.getString(0)));
                    return fresh;
                });
    }

    /** The payment an entry became (or reversed). */
    public Uni<Void> link(SqlClient client, TenantId tenant, String entryKey, UUID paymentId) {
        return client.preparedQuery("UPDATE statement_entries SET payment_id = $3 WHERE tenant_id = $1 AND entry_key = $2")
                .execute(Tuple.of(tenant.value(), entryKey, paymentId)).replaceWithVoid();
    }

    public Uni<Void> progress(SqlClient client, TenantId tenant, UUID id, Progress c) {
        return client.preparedQuery("UPDATE statement_imports SET processed = processed + $3, payments = payments + $4, "
                        + "matched = matched + $5, unmatched = unmatched + $6, reversals = reversals + $7, "
                        + "duplicates = duplicates + $8, skipped = skipped + $9 WHERE tenant_id = $1 AND import_id = $2")
                .execute(Tuple.tuple(Arrays.asList(tenant.value(), id, c.processed(), c.payments(), c.matched(),
                        c.unmatched(), c.reversals(), c.duplicates(), c.skipped())))
                .replaceWithVoid();
    }

    /** DONE or FAILED (with the error). */
    public Uni<Void> finish(SqlClient client, TenantId tenant, UUID id, String status, String error, Instant now) {
        return client.preparedQuery("UPDATE statement_imports SET status = $3, error = $4, finished_at = $5 "
                        + "WHERE tenant_id = $1 AND import_id = $2")
                .execute(Tuple.of(tenant.value(), id, status, error, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    private static JsonArray json(List<?> value) {
        try {
            return new JsonArray(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> list(Object json, Class<T> type) {
        try {
            String text = json == null ? "[]" : json.toString();
            return JSON.readValue(text, JSON.getTypeFactory().constructCollectionType(List.class, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Status status(Row row) {
        OffsetDateTime finished = row.getOffsetDateTime("finished_at");
        return new Status(row.getUUID("import_id"), row.getString("format"), row.getString("version"),
                row.getString("status"), row.getLong("entries"), row.getLong("processed"), row.getLong("payments"),
                row.getLong("matched"), row.getLong("unmatched"), row.getLong("reversals"), row.getLong("duplicates"),
                row.getLong("skipped"), row.getString("error"), list(row.getValue("warnings"), StatementCheck.Warning.class),
                list(row.getValue("balances"), StatementCheck.BalanceCheck.class), row.getOffsetDateTime("started_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
