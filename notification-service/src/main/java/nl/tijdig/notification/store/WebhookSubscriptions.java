package nl.tijdig.notification.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.events.WebhookEndpointDisabled;
import nl.tijdig.eventstore.EventStore;
import nl.tijdig.eventstore.DecisionStore;
import nl.tijdig.eventstore.StreamRef;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.notification.domain.WebhookRequest;

/**
 * A tenant's webhook subscriptions, every read and write scoped by the tenant. The signing secret is stored
 * sealed (see {@link nl.tijdig.notification.delivery.WebhookSecrets}); after a rotation the previous one stays
 * until {@code previous_secret_until}. When its endpoint has failed for days a subscription is DISABLED, with
 * WebhookEndpointDisabled on its own stream ({@code webhook-subscription}) in the same transaction.
 */
@ApplicationScoped
public class WebhookSubscriptions {

    static final String STREAM_TYPE = "webhook-subscription";

    /** A subscription as the API shows it (never its secret). */
    public record Subscription(UUID subscriptionId, String url, String description, List<String> eventTypes, String status,
            Instant failingSince, String lastError, Instant disabledAt, Instant previousSecretValidUntil, Instant createdAt,
            String createdBy, Instant updatedAt) {
    }

    @Inject
    Clock clock;

    @Inject
    IdGenerator ids;

    @Inject
    EventStore store;

    public Uni<Subscription> create(SqlClient client, TenantId tenant, WebhookRequest request, byte[] sealedSecret, String user) {
        UUID id = ids.next();
        OffsetDateTime now = at(clock.instant());
        return client.preparedQuery("INSERT INTO webhook_subscriptions (subscription_id, tenant_id, url, description, event_types, "
                        + "secret, status, created_at, created_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'ACTIVE', $7, $8, $7) RETURNING "
                        + COLUMNS)
                .execute(Tuple.tuple(Arrays.asList(id, tenant.value(), request.url(), request.description(),
                        request.types().toArray(String[]::new), io.vertx.core.buffer.Buffer.buffer(sealedSecret), now, user)))
                .map(rows -> subscription(rows.iterator().next()));
    }

    public Uni<List<Subscription>> all(SqlClient client, TenantId tenant) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE tenant_id = $1 ORDER BY created_at, subscription_id")
                .execute(Tuple.of(tenant.value()))
                .map(this::subscriptions);
    }

    public Uni<Optional<Subscription>> find(SqlClient client, TenantId tenant, UUID id) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE tenant_id = $1 AND subscription_id = $2")
                .execute(Tuple.of(tenant.value(), id))
                .map(rows -> subscriptions(rows).stream().findFirst());
    }

    /** The subscriptions of the tenant that are disabled (for the weekly overview). */
    public Uni<List<Subscription>> disabled(SqlClient client, TenantId tenant) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE tenant_id = $1 AND status = 'DISABLED' "
                        + "ORDER BY disabled_at")
                .execute(Tuple.of(tenant.value()))
                .map(this::subscriptions);
    }

    /** A new URL, event types and description; the secret stays. */
    public Uni<Optional<Subscription>> update(SqlClient client, TenantId tenant, UUID id, WebhookRequest request) {
        return client.preparedQuery("UPDATE webhook_subscriptions SET url = $3, description = $4, event_types = $5, updated_at = $6 "
                        + "WHERE tenant_id = $1 AND subscription_id = $2 RETURNING " + COLUMNS)
                .execute(Tuple.tuple(Arrays.asList(tenant.value(), id, request.url(), request.description(),
                        request.types().toArray(String[]::new), at(clock.instant()))))
                .map(rows -> subscriptions(rows).stream().findFirst());
    }

    /** Removes the subscription and its deliveries. */
    public Uni<Boolean> delete(SqlClient client, TenantId tenant, UUID id) {
        // one statement: the subscription's row is locked first, then the cascade takes its deliveries and attempts
        return client.preparedQuery("DELETE FROM webhook_subscriptions WHERE tenant_id = $1 AND subscription_id = $2")
                .execute(Tuple.of(tenant.value(), id))
                .map(rows -> rows.rowCount() == 1);
    }

    /** A new secret; the one before signs too until {@code overlapUntil}. */
    public Uni<Optional<Subscription>> rotate(SqlClient client, TenantId tenant, UUID id, byte[] sealedSecret, Instant overlapUntil) {
        return client.preparedQuery("UPDATE webhook_subscriptions SET previous_secret = secret, previous_secret_until = $4, secret = $3, "
                        + "updated_at = $5 WHERE tenant_id = $1 AND subscription_id = $2 RETURNING " + COLUMNS)
                .execute(Tuple.tuple(Arrays.asList(tenant.value(), id, io.vertx.core.buffer.Buffer.buffer(sealedSecret),
                        at(overlapUntil), at(clock.instant()))))
                .map(rows -> subscriptions(rows).stream().findFirst());
    }

    /** Active again: its waiting deliveries go out. */
    public Uni<Optional<Subscription>> enable(SqlClient client, TenantId tenant, UUID id) {
        return client.preparedQuery("UPDATE webhook_subscriptions SET status = 'ACTIVE', failing_since = NULL, disabled_at = NULL, "
                        + "updated_at = $3 WHERE tenant_id = $1 AND subscription_id = $2 RETURNING " + COLUMNS)
                .execute(Tuple.of(tenant.value(), id, at(clock.instant())))
                .map(rows -> subscriptions(rows).stream().findFirst());
    }

    /** The subscriptions of the tenant that want events of this type. */
    public Uni<List<UUID>> wanting(SqlConnection tx, TenantId tenant, String type) {
        return tx.preparedQuery("SELECT subscription_id FROM webhook_subscriptions WHERE tenant_id = $1 AND $2 = ANY(event_types)")
                .execute(Tuple.of(tenant.value(), type))
                .map(rows -> {
                    List<UUID> found = new ArrayList<>();
                    rows.forEach(row -> found.add(row.getUUID(0)));
                    return found;
                });
    }

    /**
     * Locks these subscriptions, in the order of their ids, for an outcome to be recorded against them, and gives
     * those that still exist. Every transaction that records an outcome takes these locks before it touches a
     * delivery, and a delete takes the subscription's lock before its cascade reaches the deliveries: one order,
     * so a delete under delivery load never deadlocks, and nothing is recorded for a deleted subscription.
     */
    public Uni<java.util.Set<UUID>> lock(SqlConnection tx, java.util.Collection<UUID> ids) {
        return tx.preparedQuery("SELECT subscription_id FROM webhook_subscriptions WHERE subscription_id = ANY($1) "
                        + "ORDER BY subscription_id FOR NO KEY UPDATE")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    java.util.Set<UUID> existing = new java.util.HashSet<>();
                    rows.forEach(row -> existing.add(row.getUUID(0)));
                    return existing;
                });
    }

    /** Deliveries succeeded: these endpoints are not failing. */
    public Uni<Void> succeeded(SqlConnection tx, UUID[] ids) {
        return tx.preparedQuery("UPDATE webhook_subscriptions SET failing_since = NULL, last_error = NULL "
                        + "WHERE subscription_id = ANY($1) AND failing_since IS NOT NULL")
                .execute(Tuple.of(ids)).replaceWithVoid();
    }

    /** A delivery failed: the endpoint is failing since its first failure after the last success; when it started failing. */
    public Uni<Instant> failed(SqlConnection tx, UUID id, Instant at, String error) {
        return tx.preparedQuery("UPDATE webhook_subscriptions SET failing_since = COALESCE(failing_since, $2), last_error = $3 "
                        + "WHERE subscription_id = $1 RETURNING failing_since")
                .execute(Tuple.of(id, at(at), error))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getOffsetDateTime(0).toInstant());
    }

    /** Disables an ACTIVE subscription, with WebhookEndpointDisabled; false when it was not active (any more). */
    public Uni<Boolean> disable(SqlConnection tx, UUID id) {
        Instant now = clock.instant();
        return tx.preparedQuery("UPDATE webhook_subscriptions SET status = 'DISABLED', disabled_at = $2, updated_at = $2 "
                        + "WHERE subscription_id = $1 AND status = 'ACTIVE' RETURNING tenant_id, url, failing_since, last_error")
                .execute(Tuple.of(id, at(now)))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    Row row = rows.iterator().next();
                    TenantId tenant = new TenantId(row.getUUID("tenant_id"));
                    String error = row.getString("last_error");
                    WebhookEndpointDisabled event = new WebhookEndpointDisabled(tenant, id, row.getString("url"),
                            instant(row, "failing_since"), error == null || error.isBlank() ? "failed" : error, now);
                    return DecisionStore.record(store, ids, tx, tenant, new StreamRef(id, STREAM_TYPE), List.of(event)).replaceWith(true);
                });
    }

    static final String COLUMNS = "subscription_id, url, description, event_types, status, failing_since, last_error, disabled_at, "
            + "previous_secret_until, "
            + "created_at, created_by, updated_at";

    private List<Subscription> subscriptions(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<Subscription> found = new ArrayList<>();
        rows.forEach(row -> found.add(subscription(row)));
        return found;
    }

    private Subscription subscription(Row row) {
        Instant overlap = instant(row, "previous_secret_until");
        return new Subscription(row.getUUID("subscription_id"), row.getString("url"), row.getString("description"),
                Arrays.asList(row.getArrayOfStrings("event_types")), row.getString("status"), instant(row, "failing_since"),
                row.getString("last_error"), instant(row, "disabled_at"), overlap != null && overlap.isAfter(clock.instant()) ? overlap : null,
                instant(row, "created_at"), row.getString("created_by"), instant(row, "updated_at"));
    }

    static OffsetDateTime at(Instant instant) {
        return Communications.at(instant);
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
