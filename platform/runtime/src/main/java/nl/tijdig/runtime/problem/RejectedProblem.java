package nl.tijdig.runtime.problem;

import java.util.List;

/**
 * A command the domain refused: well-formed, but it breaks business rules (e.g. the Dutch invoice
 * requirements). 422, naming each field; nothing was changed.
 */
public class RejectedProblem extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public RejectedProblem(String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    /**
     * The problem for these errors: its detail is the one error ("field: message") or how many fields
     * break the rules for {@code what} (e.g. "an invoice").
     */
    public static RejectedProblem of(List<Problem.FieldError> errors, String what) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields break the rules for " + what;
        return new RejectedProblem(detail, errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
