package nl.tijdig.runtime.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, as {@code application/problem+json}. {@code errors} names each field
 * that was wrong (JSON path in the request body, or the query/path parameter), so a client can show
 * the user what to fix.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://tijdig.nl/problems/";

    /** One wrong field: where it is and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, List.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors));
    }

    public Problem at(String requestPath) {
        return new Problem(type, title, status, detail, requestPath, errors);
    }
}
