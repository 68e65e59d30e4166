package nl.tijdig.invoice.domain;

import java.util.OptionalInt;

/**
 * The tenant as the seller on its invoices: what art. 35a Wet OB requires of the seller (name,
 * address, KvK number, VAT id) and where to pay (IBAN, BIC), with the default payment terms per
 * segment.
 */
public record CreditorProfile(String name, Address address, String kvkNumber, String vatId, String iban, String bic,
        String senderEmail, OptionalInt b2bTermDays, OptionalInt b2cTermDays) {

    public CreditorProfile {
        b2bTermDays = b2bTermDays == null ? OptionalInt.empty() : b2bTermDays;
        b2cTermDays = b2cTermDays == null ? OptionalInt.empty() : b2cTermDays;
    }

    /** What is missing or malformed for a valid Dutch invoice, under {@code creditorProfile.}. */
    void requireComplete(Violations violations) {
        violations.requireText("creditorProfile.name", name);
        if (address == null) {
            violations.add("creditorProfile.address", "is required");
        } else {
            address.requireComplete("creditorProfile.address", violations);
        }
        if (!DutchIdentifiers.isKvkNumber(kvkNumber)) {
            violations.add("creditorProfile.kvkNumber", "must be a KvK number of 8 digits");
        }
        if (!DutchIdentifiers.isNlVatId(vatId)) {
            violations.add("creditorProfile.vatId", "must be a Dutch VAT id like NL001234567B01");
        }
        if (iban == null || iban.isBlank()) {
            violations.add("creditorProfile.iban", "is required");
        } else if (!Contact.isIban(Contact.normalIban(iban))) {
            violations.add("creditorProfile.iban", "is not a valid IBAN (country, length or check digits)");
        }
        if (senderEmail != null && !Contact.isEmail(senderEmail)) {
            violations.add("creditorProfile.senderEmail", "is not an email address");
        }
    }
}
