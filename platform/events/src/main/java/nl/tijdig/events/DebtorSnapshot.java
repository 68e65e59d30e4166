package nl.tijdig.events;

import nl.tijdig.kernel.Segment;
import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import nl.tijdig.kernel.DebtorId;

/**
 * Who owes, as far as an invoice's consumers need it. {@code language} is ISO 639-1: nl or en.
 * Optional: the invoice email address and the debtor's IBAN (to match its payments).
 */
public record DebtorSnapshot(DebtorId debtorId, String name, Segment segment, String language, String email,
        String iban) {

    public DebtorSnapshot {
        required(debtorId, "debtorId");
        text(name, "name");
        required(segment, "segment");
        text(language, "language");
    }

    public DebtorSnapshot(DebtorId debtorId, String name, Segment segment, String language) {
        this(debtorId, name, segment, language, null, null);
    }
}
