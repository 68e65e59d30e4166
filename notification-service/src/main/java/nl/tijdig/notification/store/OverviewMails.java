package nl.tijdig.notification.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.CreditorProfileUpdated;
import nl.tijdig.events.EventJson;
import nl.tijdig.events.WeeklyOverviewCompiled;
import nl.tijdig.notification.config.NotificationConfig;
import nl.tijdig.notification.domain.Delivery;

/**
 * The weekly overview mailed to each creditor: recorded once per overview (from WeeklyOverviewCompiled) with
 * a stable Message-ID, claimed and leased like a reminder, sent to the creditor's address as the
 * invoice-service last reported it (CreditorProfileUpdated).
 */
@ApplicationScoped
public class OverviewMails {

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    /** An overview to send: the event, the creditor's name and address (null when not known yet). */
    public record Claimed(UUID overviewId, WeeklyOverviewCompiled overview, String messageId, String creditorName,
            String creditorEmail, int attempts) {
    }

    public Uni<Void> creditor(SqlConnection tx, CreditorProfileUpdated profile) {
        return tx.preparedQuery("INSERT INTO creditors (tenant_id, name, email, updated_at) VALUES ($1, $2, $3, $4) "
                        + "ON CONFLICT (tenant_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, "
                        + "updated_at = EXCLUDED.updated_at WHERE creditors.updated_at <= EXCLUDED.updated_at")
                .execute(Tuple.of(profile.tenantId().value(), profile.creditor().name(), profile.creditor().email(),
                        Communications.at(profile.occurredAt())))
                .replaceWithVoid();
    }

    public Uni<Void> compiled(SqlConnection tx, WeeklyOverviewCompiled overview) {
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(overview);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return tx.preparedQuery("INSERT INTO overview_mails (overview_id, tenant_id, week, overview, message_id, status, "
                        + "next_attempt_at) VALUES ($1, $2, $3, $4, $5, 'PREPARED', $6) ON CONFLICT (overview_id) DO NOTHING")
                .execute(Tuple.of(overview.overviewId(), overview.tenantId().value(), overview.week(), json,
                        Delivery.messageId(overview.overviewId(), config.email().messageIdDomain()),
                        Communications.at(clock.instant())))
                .replaceWithVoid();
    }

    public Uni<List<Claimed>> claim(SqlConnection tx, int limit) {
        Instant now = clock.instant();
        return tx.preparedQuery("SELECT m.overview_id, m.overview, m.message_id, m.attempts, c.name, c.email FROM overview_mails m "
                        + "LEFT JOIN creditors c ON c.tenant_id = m.tenant_id WHERE m.status = 'PREPARED' AND m.next_attempt_at <= $1 "
                        + "ORDER BY m.next_attempt_at LIMIT $2 FOR UPDATE OF m SKIP LOCKED")
                .execute(Tuple.of(Communications.at(now), limit))
                .chain(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    List<Tuple> leases = new ArrayList<>();
                    for (Row row : rows) {
                        int attempt = row.getInteger("attempts") + 1;
                        WeeklyOverviewCompiled overview;
                        try {
                            overview = EventJson.mapper().readValue(row.getString("overview"), WeeklyOverviewCompiled.class);
                        } catch (JsonProcessingException e) {
                            throw new IllegalStateException(e);
                        }
                        claimed.add(new Claimed(row.getUUID("overview_id"), overview, row.getString("message_id"),
                                row.getString("name"), row.getString("email"), attempt));
                        leases.add(Tuple.of(row.getUUID("overview_id"), attempt,
                                Communications.at(now.plus(Delivery.backoff(attempt, config.sender().firstRetry())))));
                    }
                    return leases.isEmpty() ? Uni.createFrom().item(claimed)
                            : tx.preparedQuery("UPDATE overview_mails SET attempts = $2, next_attempt_at = $3 WHERE overview_id = $1")
                                    .executeBatch(leases).replaceWith(claimed);
                });
    }

    public Uni<Void> sent(SqlConnection tx, Claimed c) {
        return tx.preparedQuery("UPDATE overview_mails SET status = 'SENT', recipient = $2, sent_at = $3 WHERE overview_id = $1")
                .execute(Tuple.of(c.overviewId(), c.creditorEmail(), Communications.at(clock.instant()))).replaceWithVoid();
    }

    /** A failed attempt: given up when {@code end}, else noted (the lease brings it back). */
    public Uni<Void> failed(SqlConnection tx, Claimed c, String error, boolean end) {
        return tx.preparedQuery("UPDATE overview_mails SET last_error = $2, status = CASE WHEN $3 THEN 'FAILED' ELSE status END "
                        + "WHERE overview_id = $1")
                .execute(Tuple.of(c.overviewId(), error, end)).replaceWithVoid();
    }
}
