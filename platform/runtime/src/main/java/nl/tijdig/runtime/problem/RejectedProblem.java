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

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
