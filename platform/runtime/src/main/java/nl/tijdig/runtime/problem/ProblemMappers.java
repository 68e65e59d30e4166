package nl.tijdig.runtime.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import nl.tijdig.eventstore.ConcurrencyConflictException;
import nl.tijdig.runtime.json.RefusedValue;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps failures to RFC 9457 problem+json: malformed input is 400 naming each wrong field, a
 * well-formed request that breaks a business rule 422 naming each field, an unknown (or another
 * tenant's) object 404, a concurrent change 409. Bad input changes nothing: it is refused
 * before any command runs.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(field(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return respond(Problem.of("validation", "The request is not valid", 400,
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are not valid").withErrors(errors), uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && (!mapping.getPath().isEmpty()
                || mapping instanceof MismatchedInputException m && m.getTargetType() != null)) {
            String field = mapping.getPath().isEmpty() ? "body" : path(mapping);
            String message = message(mapping);
            return respond(Problem.of("validation", "The request is not valid", 400, field + ": " + message)
                    .withErrors(List.of(new Problem.FieldError(field, message))), uri);
        }
        return respond(Problem.of("malformed-json", "The request body is not valid JSON", 400, e.getOriginalMessage())
                .withErrors(List.of(new Problem.FieldError("body", e.getOriginalMessage()))), uri);
    }

    /** What is wrong with a value the body could not bind, for its field. */
    private static String message(JsonMappingException mapping) {
        return switch (mapping) {
            case UnrecognizedPropertyException u -> "is not a field of this request";
            case RefusedValue r -> r.reason();
            case InvalidFormatException f when f.getTargetType() != null && f.getTargetType().isEnum() ->
                    "must be one of " + java.util.Arrays.toString(f.getTargetType().getEnumConstants());
            case InvalidFormatException f -> "is not " + kind(f.getTargetType());
            case MismatchedInputException m when m.getTargetType() != null -> "must be " + kind(m.getTargetType());
            default -> rootMessage(mapping);
        };
    }

    /** What a value of this type is, for a message: "a JSON object", "a whole number", "true or false". */
    private static String kind(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class) {
            return "a text (a JSON string)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == java.util.UUID.class || nl.tijdig.kernel.TypedId.class.isAssignableFrom(type)) {
            return "a UUID";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        return "a JSON object";
    }

    /** Quarkus REST maps this type itself (as text); ours must be at least as specific. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response conflict(ConcurrencyConflictException e, UriInfo uri) {
        return respond(Problem.of("conflict", "Changed by someone else", 409,
                "The object was changed at the same time; read it again and retry."), uri);
    }

    @ServerExceptionMapper
    public Response rejected(RejectedProblem e, UriInfo uri) {
        return respond(Problem.of("rejected", "The request breaks a business rule", 422, e.getMessage())
                .withErrors(e.errors()), uri);
    }

    @ServerExceptionMapper
    public Response conflicting(ConflictProblem e, UriInfo uri) {
        return respond(Problem.of("conflict", "Conflicts with what exists", 409, e.getMessage()).withErrors(e.errors()),
                uri);
    }

    /** A command a domain decider refused on the state it found: 409, naming each field. */
    @ServerExceptionMapper
    public Response refused(nl.tijdig.kernel.RefusedException e, UriInfo uri) {
        return respond(Problem.of("conflict", "Conflicts with what exists", 409, e.getMessage())
                .withErrors(e.violations().stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList()), uri);
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputProblem e, UriInfo uri) {
        return respond(Problem.of("invalid-document", "The document is not valid", 400, e.getMessage())
                .withErrors(e.errors()), uri);
    }

    /** No token, or one that is expired, forged, from another issuer or for another audience. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of("unauthorized", "Unauthorized", 401,
                "a valid bearer token from the Tijdig realm is required"), uri))
                .header("WWW-Authenticate", "Bearer").build();
    }

    /** A token without the role the endpoint requires (see docs/security.md). */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Forbidden", 403, "the caller's roles do not allow this"), uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e, UriInfo uri) {
        return respond(Problem.of("not-found", "Not found", 404, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri); // the body reader wraps what Jackson could not read
        }
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(Problem.of(status == 404 ? "not-found" : "http-" + status, title, status, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("unexpected failure of " + uri.getPath(), e);
        return respond(Problem.of("internal", "Internal error", 500,
                "Something went wrong on our side; nothing was changed by this request."), uri);
    }

    static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.at(uri.getPath())).build();
    }

    /**
     * A violation's field as the client wrote it: {@code issue.request.lines[0].quantity} (method,
     * body parameter, path) becomes {@code lines[0].quantity}; a query or path parameter keeps its name.
     */
    static String field(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean last = i == nodes.size() - 1;
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.PARAMETER && !last) {
                continue; // the resource method and its body parameter: the body's fields follow
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT
                    && node.getKind() != ElementKind.BEAN) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            } else {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            }
        }
        return field.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof JsonMappingException m ? m.getOriginalMessage() : root.getMessage();
        return message == null ? "is not valid" : message;
    }
}
