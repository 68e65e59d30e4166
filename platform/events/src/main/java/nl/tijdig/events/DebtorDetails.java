package nl.tijdig.events;

import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import nl.tijdig.kernel.Segment;

/**
 * A debtor as the invoice-service registered it. {@code kind} BUSINESS or CONSUMER; {@code segment}
 * B2B or B2C (derived from the kind unless overridden); {@code termDays} the debtor's own payment
 * term (null: the creditor's default applies). Optional: KvK number, VAT id, email, IBAN.
 */
public record DebtorDetails(String kind, String name, PostalAddress address, String kvkNumber, String vatId,
        String email, String language, String iban, Segment segment, Integer termDays) {

    public DebtorDetails {
        text(kind, "kind");
        text(name, "name");
        required(address, "address");
        text(language, "language");
        required(segment, "segment");
    }
}
