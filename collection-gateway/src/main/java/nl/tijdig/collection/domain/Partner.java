package nl.tijdig.collection.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.Violation;

/**
 * A tenant's collection agency or factoring partner, as configured: its connector ({@code kind}), and which
 * claims it takes — a segment (or any) and an amount band (from {@code minClaim}, below {@code maxClaim}; either
 * open) — in the tenant's order of preference ({@code priority}, lowest first). Validated data: {@link #check}.
 */
public record Partner(UUID partnerId, String name, Kind kind, Segment segment, Money minClaim, Money maxClaim, int priority,
        boolean active) {

    /** Which connector speaks to the partner. */
    public enum Kind {
        /** An agency with a REST/JSON API: cases created by POST, statuses back by signed callbacks. */
        REST_AGENCY,
        /** An agency working on files: a daily CSV of new cases, a status CSV back. */
        CSV_AGENCY,
        /** A factoring partner: open invoices offered, accepted or rejected. */
        FACTOR;

        public boolean agency() {
            return this != FACTOR;
        }
    }

    public static final int MAX_NAME = 100;

    /** Whether the partner is an active agency that takes a claim of this segment and total. */
    public boolean takes(Segment debtorSegment, Money totalClaim) {
        return kind.agency() && fits(debtorSegment, totalClaim);
    }

    /** Whether the partner is an active factor that takes an invoice of this segment and amount open. */
    public boolean buys(Segment debtorSegment, Money open) {
        return kind == Kind.FACTOR && fits(debtorSegment, open);
    }

    private boolean fits(Segment debtorSegment, Money amount) {
        return active && (segment == null || segment == debtorSegment)
                && (minClaim == null || !amount.isLessThan(minClaim))
                && (maxClaim == null || amount.isLessThan(maxClaim));
    }

    /** The agency a claim goes to: the first by priority that takes it (a named segment before "any" at equal priority). */
    public static Optional<Partner> choose(List<Partner> partners, Segment debtorSegment, Money totalClaim) {
        return first(partners.stream().filter(p -> p.takes(debtorSegment, totalClaim)));
    }

    /** The factor an invoice is offered to when the creditor names none: the first by priority that buys it. */
    public static Optional<Partner> chooseFactor(List<Partner> partners, Segment debtorSegment, Money open) {
        return first(partners.stream().filter(p -> p.buys(debtorSegment, open)));
    }

    private static Optional<Partner> first(java.util.stream.Stream<Partner> candidates) {
        return candidates.min(Comparator.comparingInt(Partner::priority).thenComparing(p -> p.segment() == null)
                .thenComparing(p -> p.name()));
    }

    /** What is wrong with a partner's settings, field by field. */
    public static List<Violation> check(String name, String kind, Money minClaim, Money maxClaim, Integer priority) {
        List<Violation> violations = new ArrayList<>();
        if (name == null || name.isBlank()) {
            violations.add(new Violation("name", "is required"));
        } else if (name.length() > MAX_NAME) {
            violations.add(new Violation("name", "must be at most " + MAX_NAME + " characters"));
        }
        if (kind == null || java.util.Arrays.stream(Kind.values()).noneMatch(k -> k.name().equals(kind))) {
            violations.add(new Violation("kind", "must be one of " + java.util.Arrays.toString(Kind.values())));
        }
        if (minClaim != null && minClaim.isNegative()) {
            violations.add(new Violation("minClaim", "must be zero or more"));
        }
        if (minClaim != null && maxClaim != null && !minClaim.currency().equals(maxClaim.currency())) {
            violations.add(new Violation("maxClaim", "must be in the currency of minClaim"));
        } else if (minClaim != null && maxClaim != null && !maxClaim.isGreaterThan(minClaim)) {
            violations.add(new Violation("maxClaim", "must be more than minClaim"));
        }
        if (priority != null && (priority < 0 || priority > 1000)) {
            violations.add(new Violation("priority", "must be 0 to 1000"));
        }
        return violations;
    }
}
