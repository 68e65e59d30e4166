package nl.tijdig.runtime.problem;

/**
 * The object does not exist for this tenant. Another tenant's object is reported exactly like a
 * missing one (404), so ids of other tenants leak nothing.
 */
public class NotFoundProblem extends RuntimeException {

    public NotFoundProblem(String what, Object id) {
        super("no " + what + " " + id);
    }
}
