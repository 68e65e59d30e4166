package nl.tijdig.events;

import nl.tijdig.kernel.Segment;
import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import nl.tijdig.kernel.DebtorId;

/**
 * Everything a letter or a collection agency needs about a debtor. {@code email} is null when there is
 * none; {@code emailAgreed} says whether the debtor agreed to receive notices by email (which decides
 * when a 14-dagenbrief counts as received). {@code kvkNumber} only for businesses.
 */
public record DebtorContact(DebtorId debtorId, String name, Segment segment, String language, String email,
        boolean emailAgreed, String phone, PostalAddress address, String kvkNumber) {

    public DebtorContact {
        required(debtorId, "debtorId");
        text(name, "name");
        required(segment, "segment");
        text(language, "language");
        required(address, "address");
    }
}
