package nl.tijdig.notification.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.tijdig.events.EventCatalogue;
import nl.tijdig.events.EventType;
import nl.tijdig.kernel.PublicTarget;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.kernel.Violation;
import nl.tijdig.notification.config.NotificationConfig;
import nl.tijdig.notification.delivery.WebhookSecrets;
import nl.tijdig.notification.domain.WebhookRequest;
import nl.tijdig.notification.store.WebhookDeliveries;
import nl.tijdig.notification.store.WebhookSubscriptions;
import nl.tijdig.runtime.json.Limits;
import nl.tijdig.runtime.json.Text;
import nl.tijdig.runtime.problem.ConflictProblem;
import nl.tijdig.runtime.problem.NotFoundProblem;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;
import nl.tijdig.runtime.security.Roles;
import nl.tijdig.runtime.tenant.CurrentTenant;

/**
 * The tenant's webhooks (see {@code docs/webhooks.md}): subscriptions — a target URL checked against SSRF,
 * the event types wanted, a signing secret shown once — and their deliveries, listed, inspected and replayed.
 * Only a tenant administrator manages them; every read and write is the tenant's own.
 */
@Path("/")
@RolesAllowed(Roles.TENANT_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    /** A subscription as asked for. */
    public record SubscriptionRequest(@Text(max = Limits.URL) String url, List<String> eventTypes, @Text(max = 500) String description) {
    }

    /** A new subscription or a rotated secret: the secret is shown this once. */
    public record WithSecret(WebhookSubscriptions.Subscription subscription, String secret) {
    }

    /** An event type one may subscribe to. */
    public record EventTypeView(String type, String name, int version, String topic, String producer) {
    }

    /** Which dead-lettered deliveries to send again: those recorded since then. */
    public record ReplayRequest(Instant since) {
    }

    /** How many deliveries were sent again. */
    public record Replayed(int replayed) {
    }

    private static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "DEAD");

    @Inject
    Pool pool;

    @Inject
    CurrentTenant tenant;

    @Inject
    SecurityIdentity identity;

    @Inject
    WebhookSubscriptions subscriptions;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookSecrets secrets;

    @Inject
    NotificationConfig config;

    @Inject
    Clock clock;

    /** The public event catalogue: what a subscription may name. */
    @GET
    @Path("webhook-subscriptions/event-types")
    @RolesAllowed({Roles.INTEGRATOR, Roles.TENANT_ADMIN, Roles.COLLECTOR})
    public List<EventTypeView> eventTypes() {
        return EventCatalogue.standard().all().stream()
                .map(t -> new EventTypeView(t.type(), t.name(), t.version(), t.topic(), t.context().source())).toList();
    }

    /** A new subscription; its secret is in the answer, and never again. */
    @POST
    @Path("webhook-subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    public Uni<Response> create(SubscriptionRequest body) {
        WebhookRequest request = checked(body);
        TenantId owner = tenant.get();
        String secret = secrets.draw();
        return subscriptions.create(pool, owner, request, secrets.seal(secret), identity.getPrincipal().getName())
                .map(s -> Response.created(URI.create("/webhook-subscriptions/" + s.subscriptionId()))
                        .entity(new WithSecret(s, secret)).build());
    }

    @GET
    @Path("webhook-subscriptions")
    public Uni<List<WebhookSubscriptions.Subscription>> all() {
        return subscriptions.all(pool, tenant.get());
    }

    @GET
    @Path("webhook-subscriptions/{id}")
    public Uni<WebhookSubscriptions.Subscription> one(@PathParam("id") UUID id) {
        return subscriptions.find(pool, tenant.get(), id).map(found -> found.orElseThrow(() -> missing(id)));
    }

    /** A new URL, event types or description; the secret and the deliveries stay. */
    @PUT
    @Path("webhook-subscriptions/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    public Uni<WebhookSubscriptions.Subscription> update(@PathParam("id") UUID id, SubscriptionRequest body) {
        WebhookRequest request = checked(body);
        return subscriptions.update(pool, tenant.get(), id, request).map(found -> found.orElseThrow(() -> missing(id)));
    }

    /** Removes the subscription and its deliveries (those not yet delivered are not sent). */
    @DELETE
    @Path("webhook-subscriptions/{id}")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return subscriptions.delete(pool, tenant.get(), id).map(removed -> {
            if (!removed) {
                throw missing(id);
            }
            return null;
        });
    }

    /**
     * A new secret, shown once; for {@code tijdig.notification.webhooks.rotation-overlap} (a day by default)
     * deliveries carry signatures under both, so the receiver can switch when it likes.
     */
    @POST
    @Path("webhook-subscriptions/{id}/secret-rotation")
    public Uni<WithSecret> rotate(@PathParam("id") UUID id) {
        String secret = secrets.draw();
        Instant until = clock.instant().plus(config.webhooks().rotationOverlap());
        return subscriptions.rotate(pool, tenant.get(), id, secrets.seal(secret), until)
                .map(found -> new WithSecret(found.orElseThrow(() -> missing(id)), secret));
    }

    /** Active again (after it was disabled for failing): its waiting deliveries go out. */
    @POST
    @Path("webhook-subscriptions/{id}/enable")
    public Uni<WebhookSubscriptions.Subscription> enable(@PathParam("id") UUID id) {
        return subscriptions.enable(pool, tenant.get(), id).map(found -> found.orElseThrow(() -> missing(id)));
    }

    /** The subscription's deliveries, newest first: by {@code status} (PENDING, DELIVERED, DEAD), at most {@code limit} (1 to 500). */
    @GET
    @Path("webhook-subscriptions/{id}/deliveries")
    public Uni<List<WebhookDeliveries.Entry>> deliveries(@PathParam("id") UUID id, @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new Problem.FieldError("status", "must be one of " + STATUSES.stream().sorted().toList()));
        }
        if (limit < 1 || limit > 500) {
            errors.add(new Problem.FieldError("limit", "must be 1 to 500"));
        }
        if (!errors.isEmpty()) {
            throw RejectedProblem.of(errors, "a delivery query");
        }
        TenantId owner = tenant.get();
        return subscriptions.find(pool, owner, id).chain(found -> {
            found.orElseThrow(() -> missing(id));
            return deliveries.list(pool, owner, id, Optional.ofNullable(status), limit);
        });
    }

    /** Sends the subscription's dead-lettered deliveries recorded since {@code since} again. */
    @POST
    @Path("webhook-subscriptions/{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Replayed> replayDead(@PathParam("id") UUID id, ReplayRequest body) {
        if (body == null || body.since() == null) {
            throw RejectedProblem.of(List.of(new Problem.FieldError("since", "is required: an instant, e.g. 2026-11-20T00:00:00Z")),
                    "a replay");
        }
        TenantId owner = tenant.get();
        return subscriptions.find(pool, owner, id).chain(found -> {
            WebhookSubscriptions.Subscription s = found.orElseThrow(() -> missing(id));
            if (!"ACTIVE".equals(s.status())) {
                throw disabled(id);
            }
            return deliveries.replayDead(pool, owner, id, body.since()).map(Replayed::new);
        });
    }

    /** A delivery with every attempt and the body it sends. */
    @GET
    @Path("webhook-deliveries/{id}")
    public Uni<WebhookDeliveries.Detail> delivery(@PathParam("id") UUID id) {
        return deliveries.find(pool, tenant.get(), id).map(found -> found.orElseThrow(() -> new NotFoundProblem("webhook delivery", id)));
    }

    /** Sends a delivery again, now, with a new round of attempts (also one that was delivered). */
    @POST
    @Path("webhook-deliveries/{id}/replay")
    public Uni<WebhookDeliveries.Detail> replay(@PathParam("id") UUID id) {
        TenantId owner = tenant.get();
        return deliveries.find(pool, owner, id).chain(found -> {
            WebhookDeliveries.Detail detail = found.orElseThrow(() -> new NotFoundProblem("webhook delivery", id));
            return subscriptions.find(pool, owner, detail.delivery().subscriptionId()).chain(s -> {
                if (s.isEmpty() || !"ACTIVE".equals(s.get().status())) {
                    throw disabled(detail.delivery().subscriptionId());
                }
                return deliveries.replay(pool, owner, id).chain(() -> deliveries.find(pool, owner, id)).map(Optional::orElseThrow);
            });
        });
    }

    private WebhookRequest checked(SubscriptionRequest body) {
        WebhookRequest request = body == null ? new WebhookRequest(null, null, null)
                : new WebhookRequest(body.url(), body.eventTypes(), body.description());
        NotificationConfig.Webhooks settings = config.webhooks();
        Set<String> catalogue = EventCatalogue.standard().all().stream().map(EventType::type).collect(Collectors.toSet());
        List<Violation> violations = request.check(catalogue, new PublicTarget.Rules(settings.requireHttps(), settings.allowLoopback()),
                PublicTarget.Resolver.SYSTEM);
        if (!violations.isEmpty()) {
            throw RejectedProblem.of(violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList(),
                    "a webhook subscription");
        }
        return request;
    }

    private static NotFoundProblem missing(UUID id) {
        return new NotFoundProblem("webhook subscription", id);
    }

    private static ConflictProblem disabled(UUID subscriptionId) {
        return new ConflictProblem("the webhook subscription " + subscriptionId + " is disabled: enable it first",
                List.of(new Problem.FieldError("status", "DISABLED; POST /webhook-subscriptions/" + subscriptionId + "/enable")));
    }
}
