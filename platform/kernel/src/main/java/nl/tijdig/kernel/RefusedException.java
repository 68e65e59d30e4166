package nl.tijdig.kernel;

import java.util.List;

/**
 * A {@link Decision.Refused refusal} carried out of a transaction: nothing was changed, and the API answers it as
 * the problem that names each field (409: the command conflicts with the state it was decided on).
 */
public final class RefusedException extends RuntimeException {

    private final transient List<Violation> violations;

    public RefusedException(List<Violation> violations) {
        super(violations.isEmpty() ? "refused" : violations.get(0).field() + " " + violations.get(0).message(), null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
