package nl.tijdig.invoice.domain;

import java.util.OptionalInt;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Segment;

/**
 * Register a debtor, or change one (the same data, whole). {@code segment} overrides the segment the
 * kind implies; {@code language} defaults to nl; {@code termDays} is the debtor's own payment term,
 * over 60 days for a business only when {@code longTermAgreed}.
 */
public record RegisterDebtor(DebtorId id, Debtor.Kind kind, String name, Address address, String kvkNumber,
        String vatId, String email, String language, String iban, Segment segment, OptionalInt termDays,
        boolean longTermAgreed) {

    public RegisterDebtor {
        termDays = termDays == null ? OptionalInt.empty() : termDays;
    }
}
