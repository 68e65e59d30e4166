package nl.tijdig.runtime.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;

/**
 * {@code Idempotency-Key} for POSTs: the same key with the same request gives the first response again
 * and changes nothing; the same key with another request is a 422. The key is claimed in the request's
 * own transaction and the response stored there too, so a failed request leaves no key behind, and a
 * second request with the key waits for the first to finish.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";

    /** A response to keep: status, Location (or null) and the entity. */
    public record Outcome(int status, String location, Object entity) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private ObjectMapper canonical;

    @jakarta.annotation.PostConstruct
    void canonicalForm() {
        canonical = json.copy()
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);
    }

    /**
     * What a request answers, without anything of the web request it came in (so it can be made on another
     * context, such as a shared transaction's): its status, Location (or null), the entity, or the body stored
     * the first time when it is a replay.
     */
    public record Reply(int status, String location, Object entity, String storedBody, boolean replayed) {
    }

    /**
     * Runs {@code work} once per key (when {@code key} is null, always), inside {@code tx}, and gives its
     * response, or the stored response of the first request with this key.
     */
    public Uni<Response> once(SqlConnection tx, TenantId tenant, String endpoint, String key, Object request,
            Supplier<Uni<Outcome>> work) {
        return reply(tx, tenant, endpoint, key, request, work).map(this::response);
    }

    /** As {@link #once}, but answers a {@link Reply}: make it a response with {@link #response(Reply)} on the request's context. */
    public Uni<Reply> reply(SqlConnection tx, TenantId tenant, String endpoint, String key, Object request,
            Supplier<Uni<Outcome>> work) {
        if (key == null) {
            return work.get().map(Idempotency::fresh);
        }
        if (key.isBlank() || key.length() > 255) {
            return Uni.createFrom().failure(new RejectedProblem(HEADER + " must be 1 to 255 characters",
                    List.of(new Problem.FieldError(HEADER, "must be 1 to 255 characters"))));
        }
        String hash = hash(request);
        return tx.preparedQuery("INSERT INTO api.idempotency_keys (tenant_id, endpoint, idempotency_key, request_hash, "
                        + "created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(tenant.value(), endpoint, key, hash, clock.instant().atOffset(ZoneOffset.UTC)))
                .flatMap(claimed -> claimed.rowCount() == 1
                        ? work.get().flatMap(outcome -> store(tx, tenant, endpoint, key, outcome))
                        : replay(tx, tenant, endpoint, key, hash));
    }

    private static Reply fresh(Outcome outcome) {
        return new Reply(outcome.status(), outcome.location(), outcome.entity(), null, false);
    }

    private Uni<Reply> store(SqlConnection tx, TenantId tenant, String endpoint, String key, Outcome outcome) {
        return tx.preparedQuery("UPDATE api.idempotency_keys SET status = $4, location = $5, body = $6 "
                        + "WHERE tenant_id = $1 AND endpoint = $2 AND idempotency_key = $3")
                .execute(Tuple.of(tenant.value(), endpoint, key, outcome.status(), outcome.location(), write(outcome.entity())))
                .replaceWith(fresh(outcome));
    }

    private Uni<Reply> replay(SqlConnection tx, TenantId tenant, String endpoint, String key, String hash) {
        return tx.preparedQuery("SELECT request_hash, status, location, body FROM api.idempotency_keys "
                        + "WHERE tenant_id = $1 AND endpoint = $2 AND idempotency_key = $3")
                .execute(Tuple.of(tenant.value(), endpoint, key))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    if (!hash.equals(row.getString("request_hash"))) {
                        throw new RejectedProblem(HEADER + " was used before with another request",
                                List.of(new Problem.FieldError(HEADER, "was used before with another request")));
                    }
                    return new Reply(row.getInteger("status"), row.getString("location"), null, row.getString("body"), true);
                });
    }

    /** The response of a reply; on the request's context (a relative Location is resolved against the request). */
    public Response response(Reply reply) {
        Response.ResponseBuilder builder = reply.replayed()
                ? Response.status(reply.status()).type(MediaType.APPLICATION_JSON).entity(reply.storedBody()).header(REPLAYED, "true")
                : Response.status(reply.status()).entity(reply.entity());
        return (reply.location() == null ? builder : builder.location(URI.create(reply.location()))).build();
    }

    private String write(Object entity) {
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the request in a canonical JSON form (properties sorted). */
    private String hash(Object request) {
        try {
            byte[] bytes = canonical.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
