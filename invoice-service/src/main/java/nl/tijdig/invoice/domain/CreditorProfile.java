package nl.tijdig.invoice.domain;

import java.util.List;
import java.util.OptionalInt;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.Violation;

/**
 * The tenant as the seller on its invoices: what art. 35a Wet OB requires of the seller (name,
 * address, KvK number, VAT id) and where to pay (IBAN, BIC), with the default payment terms per
 * segment, the letterhead (logo, footer), the default invoice number series (none: the year), and whether the
 * creditor can deduct VAT ({@code vatDeductible}, the default: true) — one that cannot charges VAT on the
 * collection costs (art. 2 lid 3 Besluit vergoeding voor buitengerechtelijke incassokosten).
 */
public record CreditorProfile(String name, Address address, String kvkNumber, String vatId, String iban, String bic,
        String senderEmail, OptionalInt b2bTermDays, OptionalInt b2cTermDays, String logoUrl, String footer,
        String invoiceSeries, boolean vatDeductible) {

    public CreditorProfile {
        b2bTermDays = b2bTermDays == null ? OptionalInt.empty() : b2bTermDays;
        b2cTermDays = b2cTermDays == null ? OptionalInt.empty() : b2cTermDays;
    }

    /** A profile of a creditor that deducts VAT. */
    public CreditorProfile(String name, Address address, String kvkNumber, String vatId, String iban, String bic,
            String senderEmail, OptionalInt b2bTermDays, OptionalInt b2cTermDays, String logoUrl, String footer,
            String invoiceSeries) {
        this(name, address, kvkNumber, vatId, iban, bic, senderEmail, b2bTermDays, b2cTermDays, logoUrl, footer,
                invoiceSeries, true);
    }

    /** Every rule a profile to be saved breaks, with fields as the client names them (no prefix). */
    public List<Violation> validate() {
        Violations violations = new Violations();
        requireComplete(violations);
        b2bTermDays.ifPresent(days -> PaymentTerms.refusal(Segment.B2B, days, false)
                .ifPresent(r -> violations.add("creditorProfile.b2bTermDays", r)));
        b2cTermDays.ifPresent(days -> PaymentTerms.refusal(Segment.B2C, days, false)
                .ifPresent(r -> violations.add("creditorProfile.b2cTermDays", r)));
        if (invoiceSeries != null && !InvoiceNumbers.isValidSeries(invoiceSeries)) {
            violations.add("creditorProfile.invoiceSeries", "must be 1 to 20 letters and digits");
        }
        if (logoUrl != null && !logoUrl.startsWith("https://")) {
            violations.add("creditorProfile.logoUrl", "must be an https URL");
        }
        String prefix = "creditorProfile.";
        return violations.list().stream()
                .map(v -> new Violation(v.field().startsWith(prefix) ? v.field().substring(prefix.length()) : v.field(),
                        v.message()))
                .toList();
    }

    /** The profile with its IBAN without spaces, in capitals. */
    public CreditorProfile normalized() {
        return new CreditorProfile(name, address, kvkNumber, vatId, Contact.normalIban(iban), bic, senderEmail,
                b2bTermDays, b2cTermDays, logoUrl, footer, invoiceSeries, vatDeductible);
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
