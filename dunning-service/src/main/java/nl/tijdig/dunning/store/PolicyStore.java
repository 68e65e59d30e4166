package nl.tijdig.dunning.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import nl.tijdig.dunning.domain.DunningPolicy;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.TenantId;

/** The tenants' dunning policies per segment, versioned (a save adds a version). */
@ApplicationScoped
public class PolicyStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Clock clock;

    /** The tenant's current policy for a segment; the defaults (version 0) when it saved none. */
    public Uni<DunningPolicy> current(SqlClient client, TenantId tenant, Segment segment) {
        return client.preparedQuery("SELECT policy FROM dunning_policies WHERE tenant_id = $1 AND segment = $2 "
                        + "ORDER BY version DESC LIMIT 1")
                .execute(Tuple.of(tenant.value(), segment.name()))
                .map(rows -> rows.size() == 0 ? withVersion(DunningPolicy.defaults(segment), 0)
                        : read(rows.iterator().next().getJsonObject(0)));
    }

    /** Saves a validated policy as the next version; returns it with its version. */
    public Uni<DunningPolicy> save(SqlConnection tx, TenantId tenant, DunningPolicy policy) {
        return tx.preparedQuery("SELECT coalesce(max(version), 0) + 1 FROM dunning_policies WHERE tenant_id = $1 AND segment = $2")
                .execute(Tuple.of(tenant.value(), policy.segment().name()))
                .map(rows -> withVersion(policy, rows.iterator().next().getInteger(0)))
                .flatMap(versioned -> tx.preparedQuery("INSERT INTO dunning_policies (tenant_id, segment, version, policy, saved_at) "
                                + "VALUES ($1, $2, $3, $4, $5)")
                        .execute(Tuple.of(tenant.value(), versioned.segment().name(), versioned.version(), write(versioned),
                                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
                        .replaceWith(versioned));
    }

    private static DunningPolicy withVersion(DunningPolicy p, int version) {
        return new DunningPolicy(p.segment(), version, p.steps(), p.automaticEscalation(), p.sentTimeoutDays());
    }

    private static JsonObject write(DunningPolicy policy) {
        try {
            return new JsonObject(JSON.writeValueAsString(policy));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DunningPolicy read(JsonObject json) {
        try {
            return JSON.readValue(json.encode(), DunningPolicy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored policy does not read back: " + e.getMessage(), e);
        }
    }
}
