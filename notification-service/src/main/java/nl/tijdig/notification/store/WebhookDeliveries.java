package nl.tijdig.notification.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.EventEnvelope;
import nl.tijdig.events.EventJson;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.notification.domain.WebhookRetry;

/**
 * The webhook deliveries: one per event and subscription that wants its type, recorded in the inbox
 * transaction of the event, with the body fixed once (a CloudEvent in JSON, structured mode). The dispatcher
 * claims what is due ({@code FOR UPDATE SKIP LOCKED}, leased for the attempt), and records each attempt's
 * outcome: DELIVERED, PENDING again at the retry time, or DEAD after its round (waiting for a replay).
 */
@ApplicationScoped
public class WebhookDeliveries {

    /** A delivery as the dispatcher works it; {@code round} is the attempt's number within its round. */
    public record Claimed(UUID deliveryId, TenantId tenant, UUID subscriptionId, UUID eventId, String url, byte[] body,
            byte[] secret, byte[] previousSecret, Instant previousSecretUntil, int attempt, int round) {
    }

    /** What an attempt came to: an HTTP status (with the start of the answer) or an error without one. */
    public record Outcome(Instant startedAt, long durationMs, Integer statusCode, String response, String error) {

        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        public String summary() {
            return statusCode != null ? "HTTP " + statusCode : error;
        }
    }

    /** A delivery as listed. */
    public record Entry(UUID deliveryId, UUID subscriptionId, UUID eventId, String eventType, UUID subject, long sequence,
            String status, int attempts, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt, Integer lastStatusCode,
            String lastError) {
    }

    /** One attempt of a delivery. */
    public record Attempt(int attempt, Instant startedAt, long durationMs, Integer statusCode, String response, String error) {
    }

    /** A delivery with its attempts and what it sends. */
    public record Detail(Entry delivery, List<Attempt> attempts, String body) {
    }

    private static final ObjectMapper JSON = EventJson.mapper();

    @Inject
    Clock clock;

    @Inject
    WebhookSubscriptions subscriptions;

    /** The delivery of an event to one subscription has one id, however often the event arrives. */
    public static UUID deliveryId(UUID subscriptionId, UUID eventId) {
        return UUID.nameUUIDFromBytes(("webhook:" + subscriptionId + ":" + eventId).getBytes(StandardCharsets.UTF_8));
    }

    /** Records an event for every subscription of its tenant that wants its type (nothing when none does). */
    public Uni<Void> record(SqlConnection tx, EventEnvelope event) {
        return subscriptions.wanting(tx, event.tenantId(), event.type().type()).chain(wanting -> {
            if (wanting.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            List<Tuple> deliveries = new ArrayList<>();
            for (UUID subscription : wanting) {
                deliveries.add(Tuple.of(deliveryId(subscription, event.id()), event.tenantId().value(), subscription, event.id(),
                        Communications.at(now)));
            }
            return tx.preparedQuery("INSERT INTO webhook_messages (event_id, tenant_id, event_type, subject, sequence, body, recorded_at) "
                            + "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (tenant_id, event_id) DO NOTHING")
                    .execute(Tuple.tuple(Arrays.asList(event.id(), event.tenantId().value(), event.type().type(), event.subject(),
                            event.sequence(), body(event), Communications.at(now))))
                    .chain(() -> tx.preparedQuery("INSERT INTO webhook_deliveries (delivery_id, tenant_id, subscription_id, event_id, "
                                    + "status, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, 'PENDING', $5, $5) "
                                    + "ON CONFLICT (subscription_id, event_id) DO NOTHING")
                            .executeBatch(deliveries))
                    .replaceWithVoid();
        });
    }

    /**
     * The webhook body of an event: the CloudEvent in structured JSON — {@code id}, {@code type}, {@code source},
     * {@code subject} (the aggregate), {@code sequence} (its place in the aggregate's stream), {@code time},
     * {@code tenantid} and {@code data} (the event as in its contract).
     */
    public static String body(EventEnvelope event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("specversion", CloudEventsKafka.SPEC_VERSION);
        node.put("id", event.id().toString());
        node.put("type", event.type().type());
        node.put("source", event.source());
        node.put("subject", event.subject().toString());
        node.put("sequence", event.sequence());
        node.put("time", event.time().toString());
        node.put("tenantid", event.tenantId().toString());
        node.put("datacontenttype", "application/json");
        node.set("data", JSON.valueToTree(event.data()));
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the webhook body of " + event.id(), e);
        }
    }

    /**
     * Claims due deliveries of active subscriptions, at most {@code free} more per subscription than it has in
     * flight ({@code inFlight}), each leased for {@code lease}.
     */
    public Uni<List<Claimed>> claim(SqlConnection tx, int limit, int perEndpoint, Map<UUID, Integer> inFlight, Duration lease) {
        Instant now = clock.instant();
        UUID[] full = inFlight.entrySet().stream().filter(e -> e.getValue() >= perEndpoint).map(Map.Entry::getKey).toArray(UUID[]::new);
        return tx.preparedQuery("SELECT d.delivery_id, d.tenant_id, d.subscription_id, d.event_id, d.attempts, d.round_attempts, "
                        + "m.body, s.url, s.secret, s.previous_secret, s.previous_secret_until FROM webhook_deliveries d "
                        + "JOIN webhook_subscriptions s ON s.subscription_id = d.subscription_id "
                        + "JOIN webhook_messages m ON m.tenant_id = d.tenant_id AND m.event_id = d.event_id "
                        + "WHERE d.status = 'PENDING' AND d.next_attempt_at <= $1 AND s.status = 'ACTIVE' "
                        + "AND NOT (d.subscription_id = ANY($2)) ORDER BY d.next_attempt_at LIMIT $3 FOR UPDATE OF d SKIP LOCKED")
                .execute(Tuple.of(Communications.at(now), full, limit))
                .chain(rows -> {
                    Map<UUID, Integer> taken = new HashMap<>(inFlight);
                    List<Claimed> claimed = new ArrayList<>();
                    List<Tuple> leases = new ArrayList<>();
                    for (Row row : rows) {
                        UUID subscription = row.getUUID("subscription_id");
                        if (taken.merge(subscription, 1, Integer::sum) > perEndpoint) {
                            continue; // left for when the endpoint has room
                        }
                        int attempt = row.getInteger("attempts") + 1;
                        int round = row.getInteger("round_attempts") + 1;
                        byte[] previous = row.getBuffer("previous_secret") == null ? null : row.getBuffer("previous_secret").getBytes();
                        claimed.add(new Claimed(row.getUUID("delivery_id"), new TenantId(row.getUUID("tenant_id")), subscription,
                                row.getUUID("event_id"), row.getString("url"), row.getString("body").getBytes(StandardCharsets.UTF_8),
                                row.getBuffer("secret").getBytes(), previous,
                                WebhookSubscriptions.instant(row, "previous_secret_until"), attempt, round));
                        leases.add(Tuple.of(row.getUUID("delivery_id"), attempt, round, Communications.at(now.plus(lease))));
                    }
                    if (leases.isEmpty()) {
                        return Uni.createFrom().item(claimed);
                    }
                    return tx.preparedQuery("UPDATE webhook_deliveries SET attempts = $2, round_attempts = $3, next_attempt_at = $4 "
                                    + "WHERE delivery_id = $1")
                            .executeBatch(leases).replaceWith(claimed);
                });
    }

    /** A delivery and the attempt that delivered it. */
    public record Delivered(Claimed claimed, Outcome outcome) {
    }

    /**
     * Delivered, many at once (one transaction, a statement per kind of row): each attempt, each end, and their
     * endpoints are not failing. A delivery leased again meanwhile (its lease ran out) keeps its new attempt.
     */
    public Uni<Void> delivered(SqlConnection tx, List<Delivered> done) {
        if (done.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        java.util.Set<UUID> endpoints = new java.util.TreeSet<>();
        done.forEach(d -> endpoints.add(d.claimed().subscriptionId()));
        return subscriptions.lock(tx, endpoints).chain(existing -> {
            List<Tuple> attempts = new ArrayList<>();
            List<Tuple> ends = new ArrayList<>();
            for (Delivered d : done) {
                if (!existing.contains(d.claimed().subscriptionId())) {
                    continue; // deleted while in flight: its deliveries and attempts are gone with it
                }
                attempts.add(attemptRow(d.claimed(), d.outcome()));
                ends.add(Tuple.of(d.claimed().deliveryId(), Communications.at(d.outcome().startedAt().plusMillis(d.outcome().durationMs())),
                        d.outcome().statusCode(), d.claimed().attempt()));
            }
            if (attempts.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return tx.preparedQuery(INSERT_ATTEMPT).executeBatch(attempts)
                    .chain(() -> tx.preparedQuery("UPDATE webhook_deliveries SET status = 'DELIVERED', delivered_at = $2, "
                            + "last_status_code = $3, last_error = NULL WHERE delivery_id = $1 AND attempts = $4").executeBatch(ends))
                    .chain(() -> subscriptions.succeeded(tx, existing.toArray(UUID[]::new)));
        });
    }

    /**
     * Failed: the attempt; PENDING again at the retry time or DEAD after the round; the endpoint failing since
     * its first failure. Disables the subscription (with its event) when it has failed for long enough; true then.
     */
    public Uni<Boolean> failed(SqlConnection tx, Claimed c, Outcome outcome, WebhookRetry retry, double random) {
        Instant now = clock.instant();
        WebhookRetry.Next next = retry.afterFailure(c.round(), now, random);
        Tuple end = switch (next) {
            case WebhookRetry.RetryAt at -> Tuple.tuple(Arrays.asList(c.deliveryId(), "PENDING", Communications.at(at.at()),
                    outcome.statusCode(), outcome.error(), c.attempt()));
            case WebhookRetry.DeadLetter dead -> Tuple.tuple(Arrays.asList(c.deliveryId(), "DEAD", Communications.at(now),
                    outcome.statusCode(), outcome.error(), c.attempt()));
        };
        return subscriptions.lock(tx, List.of(c.subscriptionId())).chain(existing -> existing.isEmpty()
                ? Uni.createFrom().item(false) // deleted while in flight: nothing to record
                : attempt(tx, c, outcome)
                        .chain(() -> tx.preparedQuery("UPDATE webhook_deliveries SET status = $2, next_attempt_at = $3, "
                                + "last_status_code = $4, last_error = $5 WHERE delivery_id = $1 AND attempts = $6").execute(end))
                        .chain(() -> subscriptions.failed(tx, c.subscriptionId(), outcome.startedAt(), outcome.summary()))
                        .chain(since -> retry.disable(since, now) ? subscriptions.disable(tx, c.subscriptionId())
                                : Uni.createFrom().item(false)));
    }

    private static final String INSERT_ATTEMPT = "INSERT INTO webhook_attempts (delivery_id, attempt, started_at, duration_ms, "
            + "status_code, response, error) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING";

    private Uni<Void> attempt(SqlConnection tx, Claimed c, Outcome outcome) {
        return tx.preparedQuery(INSERT_ATTEMPT).execute(attemptRow(c, outcome)).replaceWithVoid();
    }

    private static Tuple attemptRow(Claimed c, Outcome outcome) {
        return Tuple.tuple(Arrays.asList(c.deliveryId(), c.attempt(), Communications.at(outcome.startedAt()),
                (int) Math.min(Integer.MAX_VALUE, outcome.durationMs()), outcome.statusCode(), outcome.response(), outcome.error()));
    }

    /** The deliveries of a subscription of the tenant, newest first, optionally of one status. */
    public Uni<List<Entry>> list(SqlClient client, TenantId tenant, UUID subscriptionId, Optional<String> status, int limit) {
        return client.preparedQuery("SELECT " + ENTRY + " FROM webhook_deliveries d JOIN webhook_messages m ON m.tenant_id = d.tenant_id AND m.event_id = d.event_id "
                        + "WHERE d.tenant_id = $1 AND d.subscription_id = $2 AND ($3::text IS NULL OR d.status = $3) "
                        + "ORDER BY d.created_at DESC, d.delivery_id LIMIT $4")
                .execute(Tuple.of(tenant.value(), subscriptionId, status.orElse(null), limit))
                .map(WebhookDeliveries::entries);
    }

    public Uni<Optional<Detail>> find(SqlClient client, TenantId tenant, UUID deliveryId) {
        return client.preparedQuery("SELECT " + ENTRY + ", m.body FROM webhook_deliveries d JOIN webhook_messages m "
                        + "ON m.tenant_id = d.tenant_id AND m.event_id = d.event_id WHERE d.tenant_id = $1 AND d.delivery_id = $2")
                .execute(Tuple.of(tenant.value(), deliveryId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Optional.<Detail>empty());
                    }
                    Row row = rows.iterator().next();
                    Entry entry = entry(row);
                    String body = row.getString("body");
                    return client.preparedQuery("SELECT attempt, started_at, duration_ms, status_code, response, error FROM webhook_attempts "
                                    + "WHERE delivery_id = $1 ORDER BY attempt")
                            .execute(Tuple.of(deliveryId))
                            .map(attempts -> {
                                List<Attempt> list = new ArrayList<>();
                                attempts.forEach(a -> list.add(new Attempt(a.getInteger("attempt"), WebhookSubscriptions.instant(a, "started_at"),
                                        a.getInteger("duration_ms"), a.getInteger("status_code"), a.getString("response"), a.getString("error"))));
                                return Optional.of(new Detail(entry, list, body));
                            });
                });
    }

    /** Sends a delivery again, now, with a new round of attempts (whatever its status); false when the tenant has no such delivery. */
    public Uni<Boolean> replay(SqlClient client, TenantId tenant, UUID deliveryId) {
        return client.preparedQuery("UPDATE webhook_deliveries SET status = 'PENDING', round_attempts = 0, next_attempt_at = $3 "
                        + "WHERE tenant_id = $1 AND delivery_id = $2")
                .execute(Tuple.of(tenant.value(), deliveryId, Communications.at(clock.instant())))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Sends the subscription's dead-lettered deliveries again (those recorded since {@code since}); how many. */
    public Uni<Integer> replayDead(SqlClient client, TenantId tenant, UUID subscriptionId, Instant since) {
        return client.preparedQuery("UPDATE webhook_deliveries SET status = 'PENDING', round_attempts = 0, next_attempt_at = $4 "
                        + "WHERE tenant_id = $1 AND subscription_id = $2 AND status = 'DEAD' AND created_at >= $3")
                .execute(Tuple.of(tenant.value(), subscriptionId, Communications.at(since), Communications.at(clock.instant())))
                .map(RowSet::rowCount);
    }

    private static final String ENTRY = "d.delivery_id, d.subscription_id, d.event_id, m.event_type, m.subject, m.sequence, d.status, "
            + "d.attempts, d.next_attempt_at, d.created_at, d.delivered_at, d.last_status_code, d.last_error";

    private static List<Entry> entries(RowSet<Row> rows) {
        List<Entry> found = new ArrayList<>();
        rows.forEach(row -> found.add(entry(row)));
        return found;
    }

    private static Entry entry(Row row) {
        boolean pending = "PENDING".equals(row.getString("status"));
        return new Entry(row.getUUID("delivery_id"), row.getUUID("subscription_id"), row.getUUID("event_id"), row.getString("event_type"),
                row.getUUID("subject"), row.getLong("sequence"), row.getString("status"), row.getInteger("attempts"),
                pending ? WebhookSubscriptions.instant(row, "next_attempt_at") : null, WebhookSubscriptions.instant(row, "created_at"),
                WebhookSubscriptions.instant(row, "delivered_at"), row.getInteger("last_status_code"), row.getString("last_error"));
    }
}
