package nl.tijdig.runtime.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The limits every request body is held to (docs/api.md, "Limits"), in one place. Fields tighten them
 * with {@link Text} and {@link Decimal}; the domain adds its own rules (postal codes, IBANs, ...).
 */
public final class Limits {

    /** A text field without {@link Text}: this many characters, on one line. */
    public static final int TEXT = 1_000;
    /** A name of a person, company or partner; a street; a city. */
    public static final int NAME = 200;
    /** A code or reference: a purchase order, mandate id, payment reference, postal code. */
    public static final int CODE = 100;
    /** A note, a reason, a call's notes, a dispute's text: several lines. */
    public static final int NOTE = 4_000;
    /** An email address (RFC 5321: 254). */
    public static final int EMAIL = 254;
    /** A URL. */
    public static final int URL = 2_048;
    /** A letter template's text. */
    public static final int TEMPLATE = 100_000;

    /** An amount of money: at most two decimals (EUR) ... */
    public static final int AMOUNT_SCALE = 2;
    /** ... and at most 10^12 either way. */
    public static final BigDecimal AMOUNT_MAX = BigDecimal.TEN.pow(12);

    /** A date: from 1900 up to and including 2199. */
    public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2199, 12, 31);
    /** A moment: from 1970 up to the end of 2199 (UTC). */
    public static final Instant FIRST_INSTANT = Instant.EPOCH;
    public static final Instant LAST_INSTANT = LAST_DATE.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);

    /** How deep a request body may nest objects and arrays. */
    public static final int NESTING = 32;
    /** The most digits of a number in a request body. */
    public static final int NUMBER_LENGTH = 40;

    private Limits() {
    }

    /**
     * Why a text is refused, or null: too long, or a control character (C0, DEL, C1), a line break
     * where none may be, or half of a surrogate pair (PostgreSQL could not store it).
     */
    public static String textRefusal(String value, int max, boolean lines) {
        if (value.length() > max) {
            return "is longer than " + max + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                if (!lines) {
                    return "may not contain a line break or tab";
                }
            } else if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                return "may not contain control character U+" + String.format("%04X", (int) c);
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return "holds half of a surrogate pair";
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return "holds half of a surrogate pair";
            }
        }
        return null;
    }

    /** The date a text names (2027-01-31), within the limits; else IllegalArgumentException saying why. */
    public static LocalDate date(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("is not a date like 2027-01-31");
        }
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            throw new IllegalArgumentException("must be a date from " + FIRST_DATE + " to " + LAST_DATE);
        }
        return date;
    }

    /** The moment a text names with its offset (2027-01-10T09:00:00Z), within the limits; else IllegalArgumentException. */
    public static Instant instant(String text) {
        Instant instant;
        try {
            instant = java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("is not a date and time with offset like 2027-01-10T09:00:00Z");
        }
        if (instant.isBefore(FIRST_INSTANT) || instant.isAfter(LAST_INSTANT)) {
            throw new IllegalArgumentException("must be a moment from 1970 to 2199");
        }
        return instant;
    }

    /** Why a decimal is refused, or null. */
    public static String decimalRefusal(BigDecimal value, int scale, BigDecimal min, BigDecimal max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            return "must be between " + min.toPlainString() + " and " + max.toPlainString();
        }
        if (value.stripTrailingZeros().scale() > scale) {
            return scale == 0 ? "must be a whole number" : "may have at most " + scale + " decimals";
        }
        return null;
    }
}
