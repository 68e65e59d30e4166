package nl.tijdig.dunning.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.Violation;

/**
 * A tenant's dunning policy for one segment, as data: its steps in order, each with an offset from the
 * due date, a minimum gap after the previous step's delivery, its channels (and a fallback) and a
 * template key. {@code sentTimeoutDays}: how long a letter may wait for the notification-service to
 * confirm it sent before it is sent once more, then flagged for staff (default 2). Versioned: a case keeps
 * the version it started with.
 */
public record DunningPolicy(Segment segment, int version, List<Step> steps, boolean automaticEscalation,
        Integer sentTimeoutDays) {

    /** Days a letter may wait for the notification-service's confirmation before it is sent again (once). */
    public static final int DEFAULT_SENT_TIMEOUT_DAYS = 2;

    /** What a step does. */
    public enum Kind {
        /** Before the due date: a friendly note with the pay link. */
        PRE_DUE_REMINDER,
        /** After the due date: a reminder ("pay within 7 days"). */
        REMINDER,
        /** A phone task for staff; it does not hold up the next step. */
        PHONE_CALL,
        /** The aanmaning; for consumers the 14-dagenbrief, whose deadline gates escalation. */
        FINAL_NOTICE,
        /** Hand-over to a collection agency, after the final notice's deadline. */
        ESCALATION
    }

    /** A communication channel. */
    public enum Channel {
        EMAIL,
        POST,
        SMS,
        PHONE
    }

    /** One step. {@code offsetDays} from the due date (negative: before it). */
    public record Step(String key, Kind kind, int offsetDays, int minGapDays, List<Channel> channels, Channel fallback,
            String templateKey) {

        public Step {
            channels = channels == null ? List.of() : List.copyOf(channels);
        }
    }

    public DunningPolicy {
        steps = steps == null ? List.of() : List.copyOf(steps);
        sentTimeoutDays = sentTimeoutDays == null ? DEFAULT_SENT_TIMEOUT_DAYS : sentTimeoutDays;
    }

    public DunningPolicy(Segment segment, int version, List<Step> steps, boolean automaticEscalation) {
        this(segment, version, steps, automaticEscalation, null);
    }

    /**
     * The defaults from the seeds: 3 days before due an email with the pay link; the day after due a
     * friendly reminder; 8 days after a phone task; 15 days after the final notice (consumers: the
     * 14-dagenbrief by post and email; businesses: an aanmaning by email and post); then escalation
     * after the creditor's approval.
     */
    public static DunningPolicy defaults(Segment segment) {
        boolean consumer = segment == Segment.B2C;
        return new DunningPolicy(segment, 1, List.of(
                new Step("pre-due", Kind.PRE_DUE_REMINDER, -3, 0, List.of(Channel.EMAIL), null, "pre-due"),
                new Step("friendly", Kind.REMINDER, 1, 0, List.of(Channel.EMAIL), Channel.POST, "friendly"),
                new Step("phone", Kind.PHONE_CALL, 8, 3, List.of(Channel.PHONE), null, "phone"),
                new Step("final", Kind.FINAL_NOTICE, 15, 5, List.of(Channel.POST, Channel.EMAIL), null,
                        consumer ? "veertiendagenbrief" : "aanmaning"),
                new Step("escalation", Kind.ESCALATION, 15, 0, List.of(), null, "escalation")), false);
    }

    /** Every rule the policy breaks. */
    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (segment == null) {
            violations.add(new Violation("segment", "is required: B2B or B2C"));
        }
        if (steps.isEmpty()) {
            violations.add(new Violation("steps", "a policy has at least one step"));
        }
        if (sentTimeoutDays < 1 || sentTimeoutDays > 14) {
            violations.add(new Violation("sentTimeoutDays", "must be 1 to 14 days"));
        }
        Set<String> keys = new HashSet<>();
        int finalAt = -1;
        int escalationAt = -1;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String at = "steps[" + i + "]";
            if (step.key() == null || step.key().isBlank()) {
                violations.add(new Violation(at + ".key", "is required"));
            } else if (!keys.add(step.key())) {
                violations.add(new Violation(at + ".key", "is used twice"));
            }
            if (step.kind() == null) {
                violations.add(new Violation(at + ".kind", "is required"));
                continue;
            }
            if (step.minGapDays() < 0 || step.minGapDays() > 365) {
                violations.add(new Violation(at + ".minGapDays", "must be 0 to 365 days"));
            }
            if (step.offsetDays() < -365 || step.offsetDays() > 1825) {
                // within the five years of prescription (art. 3:307 BW), and at most a year before the due date
                violations.add(new Violation(at + ".offsetDays", "must be -365 to 1825 days from the due date"));
            }
            if (i > 0 && steps.get(i - 1).offsetDays() > step.offsetDays()) {
                violations.add(new Violation(at + ".offsetDays", "steps go in order of their offset"));
            }
            if (step.kind() == Kind.PRE_DUE_REMINDER && step.offsetDays() >= 0) {
                violations.add(new Violation(at + ".offsetDays", "a pre-due reminder comes before the due date"));
            }
            if (step.kind() != Kind.PRE_DUE_REMINDER && step.offsetDays() < 1) {
                violations.add(new Violation(at + ".offsetDays", "a reminder comes after the due date (1 or more)"));
            }
            if (step.kind() != Kind.ESCALATION && step.channels().isEmpty()) {
                violations.add(new Violation(at + ".channels", "name at least one channel"));
            }
            if (step.kind() == Kind.FINAL_NOTICE) {
                finalAt = i;
                if (segment == Segment.B2C && !step.channels().contains(Channel.POST)) {
                    violations.add(new Violation(at + ".channels", "the 14-dagenbrief goes by post (email only where "
                            + "the debtor agreed, which the letter cannot know in advance)"));
                }
            }
            if (step.kind() == Kind.ESCALATION) {
                escalationAt = i;
            }
        }
        if (escalationAt >= 0 && (finalAt < 0 || finalAt > escalationAt)) {
            violations.add(new Violation("steps", "escalation comes only after a final notice"));
        }
        if (escalationAt >= 0 && escalationAt != steps.size() - 1) {
            violations.add(new Violation("steps", "escalation is the last step"));
        }
        return violations;
    }
}
