package nl.tijdig.invoice.domain;

import java.util.OptionalInt;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Segment;

/**
 * A debtor as the invoice-service knows it. A business has a KvK number and usually a VAT id; a
 * consumer has neither. {@code segment} is derived from the kind unless overridden. {@code email} is
 * the invoice address (a named address is encouraged); {@code language} nl or en.
 */
public record Debtor(DebtorId id, Kind kind, String name, Address address, String kvkNumber, String vatId,
        String email, String language, String iban, Segment segment, OptionalInt termDays) {

    /** A business or a consumer. */
    public enum Kind {
        BUSINESS,
        CONSUMER;

        /** The segment a debtor of this kind has unless overridden. */
        public Segment segment() {
            return this == BUSINESS ? Segment.B2B : Segment.B2C;
        }
    }

    public Debtor {
        termDays = termDays == null ? OptionalInt.empty() : termDays;
        segment = segment == null && kind != null ? kind.segment() : segment;
    }
}
