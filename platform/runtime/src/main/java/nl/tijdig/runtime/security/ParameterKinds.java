package nl.tijdig.runtime.security;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.tijdig.runtime.json.Limits;

/** Whether a query or path parameter's text is a value of its Java type, as the JSON body's values must be. */
final class ParameterKinds {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,19}");

    private ParameterKinds() {
    }

    /** Why the text is not a value of this type, or null (also for types not checked here). */
    static String refusal(Class<?> type, String text) {
        if (type == UUID.class) {
            return UUID_TEXT.matcher(text).matches() ? null : "is not a UUID";
        }
        if (type == int.class || type == Integer.class) {
            return WHOLE.matcher(text).matches() && fits(text, Integer.MIN_VALUE, Integer.MAX_VALUE) ? null
                    : "is not a whole number (32 bits)";
        }
        if (type == long.class || type == Long.class) {
            return WHOLE.matcher(text).matches() && fits(text, Long.MIN_VALUE, Long.MAX_VALUE) ? null
                    : "is not a whole number (64 bits)";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true".equals(text) || "false".equals(text) ? null : "must be true or false";
        }
        if (type == LocalDate.class || type == Instant.class) {
            try {
                Object parsed = type == LocalDate.class ? Limits.date(text) : Limits.instant(text);
                return null; // parsed within the limits
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        if (type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(text)) ? null
                    : "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        return null;
    }

    private static boolean fits(String text, long min, long max) {
        try {
            long value = Long.parseLong(text);
            return value >= min && value <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
