package nl.tijdig.invoice.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import nl.tijdig.kernel.Segment;

/**
 * Which payment term an invoice gets, and its due date, which is always explicit on the invoice.
 * The term comes from the invoice itself, else from the debtor, else from the creditor's default for
 * the debtor's segment, else the law's default: 30 days for businesses (art. 6:119a lid 2 BW), 14 for
 * consumers. A B2B term over 60 days is only allowed when the parties expressly agreed it (art. 6:119a
 * lid 5-8 BW: not grossly unfair).
 */
public final class PaymentTerms {

    public static final int B2B_DEFAULT_DAYS = 30;
    public static final int B2C_DEFAULT_DAYS = 14;
    public static final int B2B_MAX_WITHOUT_AGREEMENT_DAYS = 60;

    private PaymentTerms() {
    }

    /** The term in days, by the order above. */
    public static int termDays(Segment segment, OptionalInt onInvoice, OptionalInt ofDebtor, OptionalInt creditorDefault) {
        if (onInvoice.isPresent()) {
            return onInvoice.getAsInt();
        }
        if (ofDebtor.isPresent()) {
            return ofDebtor.getAsInt();
        }
        if (creditorDefault.isPresent()) {
            return creditorDefault.getAsInt();
        }
        return segment == Segment.B2B ? B2B_DEFAULT_DAYS : B2C_DEFAULT_DAYS;
    }

    /**
     * Why a term is not allowed, if it is not: negative, or over 60 days B2B without an agreement.
     */
    /** The longest term Tijdig takes: a year (a longer one is a loan, not an invoice's term). */
    public static final int MAX_DAYS = 365;

    public static Optional<String> refusal(Segment segment, int termDays, boolean longTermAgreed) {
        if (termDays < 0) {
            return Optional.of("must not be negative");
        }
        if (termDays > MAX_DAYS) {
            return Optional.of("must be at most " + MAX_DAYS + " days");
        }
        if (segment == Segment.B2B && termDays > B2B_MAX_WITHOUT_AGREEMENT_DAYS && !longTermAgreed) {
            return Optional.of("a B2B term over " + B2B_MAX_WITHOUT_AGREEMENT_DAYS
                    + " days needs an express agreement (art. 6:119a BW): mark it as agreed");
        }
        return Optional.empty();
    }

    /** The due date: issue date plus the term. */
    public static LocalDate dueDate(LocalDate issueDate, int termDays) {
        return issueDate.plusDays(termDays);
    }
}
