package nl.tijdig.invoice.api;

import java.util.List;
import nl.tijdig.kernel.Violation;
import nl.tijdig.runtime.problem.Problem;
import nl.tijdig.runtime.problem.RejectedProblem;

/** The domain's violations as the 422 problem the API answers with. */
final class Rejections {

    private Rejections() {
    }

    static RejectedProblem of(List<Violation> violations, String what) {
        return RejectedProblem.of(violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList(), what);
    }

    /** A request without a body. */
    static RejectedProblem missingBody() {
        return of(List.of(new Violation("body", "is required")), "this request");
    }
}
