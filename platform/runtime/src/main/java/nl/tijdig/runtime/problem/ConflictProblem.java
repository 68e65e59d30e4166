package nl.tijdig.runtime.problem;

import java.util.List;

/**
 * A request that conflicts with what exists (e.g. an invoice number already issued): 409, naming the
 * field; nothing was changed.
 */
public class ConflictProblem extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public ConflictProblem(String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
