package nl.tijdig.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A request value of the right shape that breaks a limit; Jackson adds the field's path as it unwinds. */
public final class RefusedValue extends MismatchedInputException {

    private final String reason;

    public RefusedValue(JsonParser parser, Class<?> type, String reason) {
        super(parser, reason, type);
        this.reason = reason;
    }

    /** What is wrong, as the problem's field message: "is longer than 200 characters". */
    public String reason() {
        return reason;
    }
}
