package nl.tijdig.collection.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.collection.domain.Partner;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.TenantId;

/**
 * A tenant's partners, every read and write scoped by the tenant (except {@link #connection}, which a callback
 * finds by the partner's opaque id). API keys and callback secrets are stored sealed and never read back out.
 */
@ApplicationScoped
public class Partners {

    /** A partner with how it is reached: its base URL, whether an API key is set. */
    public record Saved(Partner partner, String baseUrl, boolean apiKeySet) {
    }

    /**
     * A partner as a connector or a callback needs it: its tenant, its settings and its sealed secrets (the previous
     * callback secret while it still verifies, after a rotation).
     */
    public record Connection(TenantId tenant, Partner partner, String baseUrl, byte[] apiKey, byte[] callbackSecret,
            byte[] previousCallbackSecret, java.time.Instant previousUntil) {

        /** The callback secrets that verify at {@code now}: the current one, and the previous one until its end. */
        public List<byte[]> callbackSecrets(java.time.Instant now) {
            List<byte[]> secrets = new ArrayList<>();
            if (callbackSecret != null) {
                secrets.add(callbackSecret);
            }
            if (previousCallbackSecret != null && previousUntil != null && now.isBefore(previousUntil)) {
                secrets.add(previousCallbackSecret);
            }
            return secrets;
        }
    }

    @Inject
    Clock clock;

    @Inject
    IdGenerator ids;

    public Uni<Saved> create(SqlClient client, TenantId tenant, Partner partner, String baseUrl, byte[] apiKey, byte[] callbackSecret) {
        Partner saved = new Partner(ids.next(), partner.name(), partner.kind(), partner.segment(), partner.minClaim(), partner.maxClaim(),
                partner.priority(), partner.active());
        return client.preparedQuery("INSERT INTO partners (partner_id, tenant_id, name, kind, segment, min_claim, max_claim, currency, "
                        + "priority, active, created_at, updated_at, base_url, api_key, callback_secret) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13, $14)")
                .execute(row(tenant, saved).addValue(baseUrl).addValue(buffer(apiKey)).addValue(buffer(callbackSecret)))
                .replaceWith(new Saved(saved, baseUrl, apiKey != null));
    }

    private static io.vertx.core.buffer.Buffer buffer(byte[] bytes) {
        return bytes == null ? null : io.vertx.core.buffer.Buffer.buffer(bytes);
    }

    /** A partner by its id alone (for its callbacks and the connectors), with its tenant. */
    public Uni<Optional<Connection>> connection(SqlClient client, UUID id) {
        return client.preparedQuery("SELECT * FROM partners WHERE partner_id = $1").execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            return Optional.of(connection(rows.iterator().next()));
        });
    }

    /** The partners of a kind, of every tenant (for the workers that serve them all). */
    public Uni<List<Connection>> ofKind(SqlClient client, String kind) {
        return client.preparedQuery("SELECT * FROM partners WHERE kind = $1 ORDER BY partner_id").execute(Tuple.of(kind)).map(rows -> {
            List<Connection> found = new ArrayList<>();
            rows.forEach(row -> found.add(connection(row)));
            return found;
        });
    }

    private static Connection connection(Row row) {
        return new Connection(new TenantId(row.getUUID("tenant_id")), partner(row), row.getString("base_url"), bytes(row, "api_key"),
                bytes(row, "callback_secret"), bytes(row, "previous_callback_secret"),
                CollectionCases.instant(row, "previous_callback_secret_until"));
    }

    private static byte[] bytes(Row row, String column) {
        return row.getBuffer(column) == null ? null : row.getBuffer(column).getBytes();
    }

    /** New settings; the API key only when one is given (else the one saved stays), the callback secret stays. */
    public Uni<Optional<Saved>> update(SqlClient client, TenantId tenant, UUID id, Partner partner, String baseUrl, byte[] apiKey) {
        Partner changed = new Partner(id, partner.name(), partner.kind(), partner.segment(), partner.minClaim(), partner.maxClaim(),
                partner.priority(), partner.active());
        return client.preparedQuery("UPDATE partners SET name = $3, kind = $4, segment = $5, min_claim = $6, max_claim = $7, "
                        + "currency = $8, priority = $9, active = $10, updated_at = $11, base_url = $12, "
                        + "api_key = COALESCE($13, api_key) WHERE tenant_id = $2 AND partner_id = $1 RETURNING api_key IS NOT NULL AS key_set")
                .execute(row(tenant, changed).addValue(baseUrl).addValue(buffer(apiKey)))
                .map(rows -> rows.size() == 1 ? Optional.of(new Saved(changed, baseUrl, rows.iterator().next().getBoolean("key_set")))
                        : Optional.empty());
    }

    /**
     * A new callback secret for the tenant's partner; the one it replaces keeps verifying until {@code previousUntil}.
     * False when there is no such partner.
     */
    public Uni<Boolean> rotateCallbackSecret(SqlClient client, TenantId tenant, UUID id, byte[] secret, java.time.Instant previousUntil) {
        return client.preparedQuery("UPDATE partners SET previous_callback_secret = callback_secret, previous_callback_secret_until = $4, "
                        + "callback_secret = $3, updated_at = $5 WHERE tenant_id = $1 AND partner_id = $2")
                .execute(Tuple.of(tenant.value(), id, buffer(secret), CollectionCases.at(previousUntil), CollectionCases.at(clock.instant())))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The tenant's partners with how each is reached. */
    public Uni<List<Saved>> saved(SqlClient client, TenantId tenant) {
        return client.preparedQuery("SELECT * FROM partners WHERE tenant_id = $1 ORDER BY priority, name, partner_id")
                .execute(Tuple.of(tenant.value())).map(Partners::saved);
    }

    public Uni<Optional<Saved>> findSaved(SqlClient client, TenantId tenant, UUID id) {
        return client.preparedQuery("SELECT * FROM partners WHERE tenant_id = $1 AND partner_id = $2")
                .execute(Tuple.of(tenant.value(), id)).map(rows -> saved(rows).stream().findFirst());
    }

    private static List<Saved> saved(RowSet<Row> rows) {
        List<Saved> found = new ArrayList<>();
        rows.forEach(row -> found.add(new Saved(partner(row), row.getString("base_url"), row.getBuffer("api_key") != null)));
        return found;
    }

    /** The tenant's partners, in order of preference. */
    public Uni<List<Partner>> all(SqlClient client, TenantId tenant) {
        return saved(client, tenant).map(list -> list.stream().map(Saved::partner).toList());
    }

    /** Removes a partner that has no cases; false when there is no such partner. */
    public Uni<Boolean> delete(SqlClient client, TenantId tenant, UUID id) {
        return client.preparedQuery("DELETE FROM partners WHERE tenant_id = $1 AND partner_id = $2")
                .execute(Tuple.of(tenant.value(), id)).map(rows -> rows.rowCount() == 1);
    }

    /** Whether the partner has cases (then it is deactivated, not deleted). */
    public Uni<Boolean> hasCases(SqlClient client, TenantId tenant, UUID id) {
        return client.preparedQuery("SELECT 1 FROM collection_cases WHERE tenant_id = $1 AND partner_id = $2 LIMIT 1")
                .execute(Tuple.of(tenant.value(), id)).map(rows -> rows.size() > 0);
    }

    private Tuple row(TenantId tenant, Partner p) {
        String currency = p.minClaim() != null ? p.minClaim().currency().getCurrencyCode()
                : p.maxClaim() != null ? p.maxClaim().currency().getCurrencyCode() : "EUR";
        return Tuple.tuple(Arrays.asList(p.partnerId(), tenant.value(), p.name(), p.kind().name(),
                p.segment() == null ? null : p.segment().name(), p.minClaim() == null ? null : p.minClaim().amount(),
                p.maxClaim() == null ? null : p.maxClaim().amount(), currency, p.priority(), p.active(),
                clock.instant().atOffset(ZoneOffset.UTC)));
    }

    private static Partner partner(Row row) {
        String currency = row.getString("currency");
        BigDecimal min = row.getBigDecimal("min_claim");
        BigDecimal max = row.getBigDecimal("max_claim");
        return new Partner(row.getUUID("partner_id"), row.getString("name"), Partner.Kind.valueOf(row.getString("kind")),
                row.getString("segment") == null ? null : Segment.valueOf(row.getString("segment")),
                min == null ? null : Money.of(min, Money.currency(currency)).rounded(),
                max == null ? null : Money.of(max, Money.currency(currency)).rounded(),
                row.getInteger("priority"), row.getBoolean("active"));
    }
}
