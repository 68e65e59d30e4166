package nl.tijdig.runtime.problem;

import java.util.List;

/**
 * Input that is not well-formed for its format (e.g. an XML document the schema rejects): 400, listing
 * each problem where it is; nothing was changed.
 */
public class InvalidInputProblem extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidInputProblem(String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
