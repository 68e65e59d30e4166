package nl.tijdig.runtime.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.runtime.json.Limits;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.tenant.CurrentTenant;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Bounds on what one caller can make a service do (OWASP API4, unrestricted resource consumption): a
 * request body larger than {@code tijdig.api.max-body-bytes} is a 413 before it is read, and each
 * tenant has a request rate ({@code tijdig.api.rate-limit.*}) above which it gets 429 with
 * {@code Retry-After}. Both as problem+json.
 */
@ApplicationScoped
public class ApiGuards {

    @Inject
    ApiLimitsConfig config;

    @Inject
    CurrentIdentityAssociation identities;

    private volatile TenantRateLimiter limiter;

    void bodySize(@Observes Filters filters) {
        filters.register(this::refuseLargeBodies, 1000);
    }

    private void refuseLargeBodies(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        long limit = maxBodyBytes(context.request().path());
        if (declared > limit) {
            Problem problem = Problem.of("too-large", "Request body too large", 413, "the body has " + declared
                    + " bytes; at most " + limit + " are accepted").at(context.request().path());
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(io.vertx.core.json.Json.encode(problem));
            return;
        }
        context.next();
    }

    /** The body limit of a path: the large-body limit on its configured paths, else the general one. */
    public long maxBodyBytes(String path) {
        boolean large = path != null && config.largeBodies().paths().orElse(java.util.List.of()).stream()
                .anyMatch(path::startsWith);
        return large ? config.largeBodies().maxBytes() : config.maxBodyBytes();
    }

    /**
     * Query and path parameters are text too: held to the limits of a request's text (docs/api.md, "Limits") before
     * anything reads them — no control character (PostgreSQL cannot store a NUL), at most {@link Limits#TEXT}
     * characters — else 400 naming the parameter.
     */
    @ServerRequestFilter
    public Response parameters(jakarta.ws.rs.core.UriInfo uri, jakarta.ws.rs.container.ResourceInfo resource) {
        java.util.List<Problem.FieldError> errors = new java.util.ArrayList<>();
        check(uri.getQueryParameters(), errors);
        check(uri.getPathParameters(), errors);
        if (errors.isEmpty() && resource != null && resource.getResourceMethod() != null) {
            typed(resource.getResourceMethod(), uri, errors);
        }
        if (errors.isEmpty()) {
            return null;
        }
        Problem problem = Problem.of("validation", "The request is not valid", 400,
                errors.get(0).field() + ": " + errors.get(0).message()).withErrors(errors).at(uri.getPath());
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * A query or path parameter of the wrong kind — {@code limit=abc}, {@code after=xyz}, {@code dueFrom=2026-99-99} —
     * is a 400 naming it (JAX-RS would answer 404, as if the resource did not exist).
     */
    /** A typed query or path parameter of a resource method: its name, where it is, its Java type. */
    private record TypedParameter(String name, boolean query, Class<?> type) {
    }

    /** The typed parameters of each resource method, read once (reflection is not for every request). */
    private static final java.util.Map<java.lang.reflect.Method, java.util.List<TypedParameter>> TYPED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static java.util.List<TypedParameter> typedParameters(java.lang.reflect.Method method) {
        return TYPED.computeIfAbsent(method, m -> java.util.Arrays.stream(m.getParameters()).<TypedParameter>mapMulti((p, out) -> {
            jakarta.ws.rs.QueryParam query = p.getAnnotation(jakarta.ws.rs.QueryParam.class);
            jakarta.ws.rs.PathParam path = p.getAnnotation(jakarta.ws.rs.PathParam.class);
            if (query != null) {
                out.accept(new TypedParameter(query.value(), true, p.getType()));
            } else if (path != null) {
                out.accept(new TypedParameter(path.value(), false, p.getType()));
            }
        }).toList());
    }

    private static void typed(java.lang.reflect.Method method, jakarta.ws.rs.core.UriInfo uri,
            java.util.List<Problem.FieldError> errors) {
        for (TypedParameter parameter : typedParameters(method)) {
            String value = parameter.query() ? uri.getQueryParameters().getFirst(parameter.name())
                    : uri.getPathParameters().getFirst(parameter.name());
            String refusal = value == null ? null : ParameterKinds.refusal(parameter.type(), value);
            if (refusal != null) {
                errors.add(new Problem.FieldError(parameter.name(), refusal));
            }
        }
    }

    private static void check(jakarta.ws.rs.core.MultivaluedMap<String, String> parameters, java.util.List<Problem.FieldError> errors) {
        parameters.forEach((name, values) -> {
            for (String value : values) {
                String refusal = value == null ? null : Limits.textRefusal(value, Limits.TEXT, false);
                if (refusal != null) {
                    errors.add(new Problem.FieldError(name.length() > 100 ? name.substring(0, 100) : name, refusal));
                    return;
                }
            }
        });
    }

    /** The tenant is the token's; callers without a tenant are not limited here (the endpoint refuses them). */
    @ServerRequestFilter
    public Uni<Response> rateLimit() {
        if (!config.rateLimit().enabled()) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(this::limit)
                .onFailure().recoverWithNull(); // authentication failures are answered by the endpoint (401)
    }

    private Response limit(SecurityIdentity identity) {
        Optional<TenantId> tenant;
        try {
            tenant = CurrentTenant.of(identity);
        } catch (RuntimeException notATenant) {
            return null;
        }
        if (tenant.isEmpty()) {
            return null;
        }
        long wait = limiter().acquire(tenant.get());
        if (wait == 0) {
            return null;
        }
        Problem problem = Problem.of("rate-limited", "Too many requests", 429, "this tenant makes more than "
                + config.rateLimit().perSecond() + " requests a second; retry after " + wait + " s");
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", wait).entity(problem).build();
    }

    private TenantRateLimiter limiter() {
        TenantRateLimiter current = limiter;
        if (current == null) {
            synchronized (this) {
                if (limiter == null) {
                    limiter = new TenantRateLimiter(config.rateLimit().perSecond(), config.rateLimit().burst(),
                            System::nanoTime);
                }
                current = limiter;
            }
        }
        return current;
    }
}
