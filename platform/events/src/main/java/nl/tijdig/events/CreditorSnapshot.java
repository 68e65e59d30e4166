package nl.tijdig.events;

import static nl.tijdig.events.Values.text;

/** The creditor (the tenant) as a letter shows it: letterhead data and where to pay. */
public record CreditorSnapshot(String name, String kvkNumber, String vatId, String iban, String bic, String email,
        PostalAddress address) {

    public CreditorSnapshot {
        text(name, "name");
        text(iban, "iban");
    }
}
