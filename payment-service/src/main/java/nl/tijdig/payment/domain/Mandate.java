package nl.tijdig.payment.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nl.tijdig.kernel.Violation;

/**
 * A debtor's SEPA direct-debit mandate as the creditor holds it: its reference (unique per creditor),
 * the scheme (CORE for consumers and businesses, B2B for businesses only, without the debtor's right to
 * a refund), one-off or recurring, the account to debit and the date it was signed. {@code collected}
 * says whether a collection was made under it (recurring: the first is FRST, later RCUR; one-off: used).
 */
public record Mandate(String mandateId, Scheme scheme, Type type, String iban, String bic, LocalDate signedOn,
        boolean collected) {

    public enum Scheme {
        CORE,
        B2B
    }

    public enum Type {
        RECURRING,
        ONE_OFF
    }

    /** The EPC's mandate reference: up to 35 of the SEPA characters, not starting or ending with "/" nor holding "//". */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9+?/:().,' -]{1,35}");
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?");

    /** The check of a mandate as given: every problem, naming the field. The IBAN check is the caller's. */
    public static List<Violation> violations(String mandateId, String scheme, String type, boolean ibanValid,
            String bic, LocalDate signedOn, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        if (mandateId == null || mandateId.isBlank()) {
            violations.add(new Violation("mandateId", "is required"));
        } else if (!REFERENCE.matcher(mandateId).matches() || mandateId.startsWith("/") || mandateId.endsWith("/")
                || mandateId.contains("//") || mandateId.isBlank()) {
            violations.add(new Violation("mandateId", "must be 1 to 35 of A-Z a-z 0-9 + ? / - : ( ) . , ' and space, "
                    + "not starting or ending with / nor holding //"));
        }
        if (scheme == null) {
            violations.add(new Violation("scheme", "is required"));
        } else if (!scheme.equals("CORE") && !scheme.equals("B2B")) {
            violations.add(new Violation("scheme", "must be CORE or B2B"));
        }
        if (type != null && !type.equals("RECURRING") && !type.equals("ONE_OFF")) {
            violations.add(new Violation("type", "must be RECURRING or ONE_OFF"));
        }
        if (!ibanValid) {
            violations.add(new Violation("iban", "is not a valid IBAN"));
        }
        if (bic != null && !BIC.matcher(bic).matches()) {
            violations.add(new Violation("bic", "is not a BIC (8 or 11 characters)"));
        }
        if (signedOn == null) {
            violations.add(new Violation("signedOn", "is required"));
        } else if (signedOn.isAfter(today)) {
            violations.add(new Violation("signedOn", "is in the future"));
        }
        return violations;
    }

    /** The sequence of the next collection under this mandate. */
    public SequenceType nextSequence() {
        return switch (type) {
            case ONE_OFF -> SequenceType.OOFF;
            case RECURRING -> collected ? SequenceType.RCUR : SequenceType.FRST;
        };
    }

    /** Whether it can still be collected under (a one-off mandate only once). */
    public boolean usable() {
        return type == Type.RECURRING || !collected;
    }

    /** The pain.008 sequence types. */
    public enum SequenceType {
        FRST,
        RCUR,
        OOFF
    }
}
