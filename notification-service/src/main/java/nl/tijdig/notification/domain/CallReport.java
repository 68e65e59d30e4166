package nl.tijdig.notification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.tijdig.events.PhoneCallCompleted;
import nl.tijdig.kernel.Violation;

/**
 * What staff report of a call, checked: an outcome; a date the debtor promised to pay by for a PROMISE
 * (today up to a year ahead) and only then; a reason for a DISPUTE and only then; when it was called (not
 * in the future, at most 30 days ago; now when not given); notes and who was spoken with, bounded.
 */
public record CallReport(PhoneCallCompleted.Outcome outcome, LocalDate promisedBy, PhoneCallCompleted.DisputeReason disputeReason,
        String notes, String spokeWith, Instant calledAt) {

    public static final int MAX_NOTES = 4000;
    public static final int MAX_SPOKE_WITH = 200;

    /** The report, or what is wrong with it (field and why). */
    public static Result check(String outcome, LocalDate promisedBy, String disputeReason, String notes, String spokeWith,
            Instant calledAt, Instant now, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        PhoneCallCompleted.Outcome o = parse(PhoneCallCompleted.Outcome.class, outcome);
        if (o == null) {
            violations.add(new Violation("outcome", "is required: one of "
                    + Arrays.toString(PhoneCallCompleted.Outcome.values())));
        }
        if (o == PhoneCallCompleted.Outcome.PROMISE) {
            if (promisedBy == null || promisedBy.isBefore(today) || promisedBy.isAfter(today.plusYears(1))) {
                violations.add(new Violation("promisedBy", "is required for a PROMISE: a date from today to a year ahead"));
            }
        } else if (promisedBy != null) {
            violations.add(new Violation("promisedBy", "is only for a PROMISE"));
        }
        PhoneCallCompleted.DisputeReason reason = parse(PhoneCallCompleted.DisputeReason.class, disputeReason);
        if (o == PhoneCallCompleted.Outcome.DISPUTE) {
            if (reason == null) {
                violations.add(new Violation("disputeReason", "is required for a DISPUTE: one of "
                        + Arrays.toString(PhoneCallCompleted.DisputeReason.values())));
            }
        } else if (disputeReason != null) {
            violations.add(new Violation("disputeReason", "is only for a DISPUTE"));
        }
        if (notes != null && notes.length() > MAX_NOTES) {
            violations.add(new Violation("notes", "must be at most " + MAX_NOTES + " characters"));
        }
        if (spokeWith != null && spokeWith.length() > MAX_SPOKE_WITH) {
            violations.add(new Violation("spokeWith", "must be at most " + MAX_SPOKE_WITH + " characters"));
        }
        Instant when = calledAt == null ? now : calledAt;
        if (when.isAfter(now.plus(5, ChronoUnit.MINUTES)) || when.isBefore(now.minus(30, ChronoUnit.DAYS))) {
            violations.add(new Violation("calledAt", "must be an instant in the last 30 days, not in the future"));
        }
        if (!violations.isEmpty()) {
            return new Result(null, violations);
        }
        return new Result(new CallReport(o, promisedBy, reason, blankToNull(notes), blankToNull(spokeWith), when), List.of());
    }

    /** A report, or the violations. */
    public record Result(CallReport report, List<Violation> violations) {
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
