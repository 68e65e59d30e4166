package nl.tijdig.runtime.backbone;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import nl.tijdig.runtime.security.Roles;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.eventstore.inbox.DeadLetter;
import nl.tijdig.eventstore.inbox.DeadLetters;
import nl.tijdig.runtime.problem.NotFoundProblem;

/**
 * The operator's view of a service's dead letters: list them, look at one, re-drive it. Operators
 * only (role {@code operator}); dead letters cross tenants, so no tenant scope applies.
 */
@Path("/admin/dead-letters")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class DeadLetterResource {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DeadLetters deadLetters;

    @Inject
    Backbone backbone;

    /** A dead letter as the API shows it; the payload as text (events are JSON). */
    public record DeadLetterView(UUID id, String consumer, String topic, int partition, long offset, String key,
            UUID eventId, String eventType, UUID tenantId, String error, int attempts, Instant failedAt,
            Instant redrivenAt, Map<String, String> headers, String payload) {

        static DeadLetterView of(DeadLetter l) {
            return new DeadLetterView(l.id(), l.consumer(), l.topic(), l.partition(), l.offset(), l.key(), l.eventId(),
                    l.eventType(), l.tenantId(), l.error(), l.attempts(), l.failedAt(), l.redrivenAt(), l.headers(),
                    l.payload() == null ? null : new String(l.payload(), StandardCharsets.UTF_8));
        }
    }

    /** The outcome of a re-drive. */
    public record RedriveResult(UUID id, boolean redriven, String error) {
    }

    @GET
    public List<DeadLetterView> list(@QueryParam("consumer") String consumer,
            @QueryParam("includeRedriven") @DefaultValue("false") boolean includeRedriven,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return deadLetters.list(consumer, includeRedriven, limit).await().atMost(WAIT).stream()
                .map(DeadLetterView::of).toList();
    }

    @GET
    @Path("/{id}")
    public DeadLetterView get(@PathParam("id") UUID id) {
        return deadLetters.get(id).await().atMost(WAIT).map(DeadLetterView::of)
                .orElseThrow(() -> new NotFoundProblem("dead letter", id));
    }

    @POST
    @Path("/{id}/redrive")
    public RedriveResult redrive(@PathParam("id") UUID id) {
        DeadLetter letter = deadLetters.get(id).await().atMost(WAIT).orElseThrow(() -> new NotFoundProblem("dead letter", id));
        Optional<String> error = backbone.redrive(letter.consumer(), id);
        return new RedriveResult(id, error.isEmpty(), error.orElse(null));
    }
}
