package nl.tijdig.collection.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;

/** A list's query: a {@code status} of those the list knows (or none), and a {@code limit} of 1 to 500. */
final class ListQuery {

    private ListQuery() {
    }

    /** Refuses (422, naming each field) a status the list does not know or a limit out of range. */
    static void check(String status, Set<String> statuses, int limit, String what) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (status != null && !statuses.contains(status)) {
            errors.add(new Problem.FieldError("status", "must be one of " + statuses.stream().sorted().toList()));
        }
        if (limit < 1 || limit > 500) {
            errors.add(new Problem.FieldError("limit", "must be 1 to 500"));
        }
        if (!errors.isEmpty()) {
            throw RejectedProblem.of(errors, what);
        }
    }
}
