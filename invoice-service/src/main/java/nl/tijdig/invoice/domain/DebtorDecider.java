package nl.tijdig.invoice.domain;

import java.util.List;
import nl.tijdig.kernel.Violation;

/**
 * Decides whether a debtor may be registered (or changed) as given: a business or a consumer with
 * name and address; a Dutch business with its KvK number; identifiers, email, IBAN and language
 * well-formed; its own payment term lawful. {@link #register} gives the debtor in normal form.
 */
public final class DebtorDecider {

    private DebtorDecider() {
    }

    public static List<Violation> validate(RegisterDebtor command) {
        Violations violations = new Violations();
        if (command.kind() == null) {
            violations.add("kind", "is required: BUSINESS or CONSUMER");
        }
        violations.requireText("name", command.name());
        if (command.address() == null) {
            violations.add("address", "is required");
        } else {
            command.address().requireComplete("address", violations);
        }
        if (command.kind() == Debtor.Kind.BUSINESS) {
            boolean dutch = command.address() != null && "NL".equals(command.address().countryCode());
            if (command.kvkNumber() != null || dutch) {
                if (!DutchIdentifiers.isKvkNumber(command.kvkNumber())) {
                    violations.add("kvkNumber", dutch && command.kvkNumber() == null
                            ? "is required for a Dutch business" : "must be 8 digits");
                }
            }
            if (command.vatId() != null && !Contact.isVatId(command.vatId())) {
                violations.add("vatId", "must be a VAT id like NL001234567B01");
            }
        }
        if (command.kind() == Debtor.Kind.CONSUMER) {
            if (command.kvkNumber() != null) {
                violations.add("kvkNumber", "a consumer has no KvK number");
            }
            if (command.vatId() != null) {
                violations.add("vatId", "a consumer has no VAT id");
            }
        }
        if (command.email() != null && !Contact.isEmail(command.email())) {
            violations.add("email", "is not an email address");
        }
        if (command.language() != null && !Contact.isLanguage(command.language())) {
            violations.add("language", "must be nl or en");
        }
        if (command.iban() != null && !Contact.isIban(Contact.normalIban(command.iban()))) {
            violations.add("iban", "is not a valid IBAN (country, length or check digits)");
        }
        if (command.termDays().isPresent() && command.kind() != null) {
            Debtor.Kind kind = command.kind();
            PaymentTerms.refusal(command.segment() != null ? command.segment() : kind.segment(),
                    command.termDays().getAsInt(), command.longTermAgreed())
                    .ifPresent(r -> violations.add("termDays", r));
        }
        return violations.list();
    }

    /** The debtor of a valid command: IBAN without spaces in capitals, language nl by default. */
    public static Debtor register(RegisterDebtor command) {
        List<Violation> violations = validate(command);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("the command is not valid: " + violations);
        }
        return new Debtor(command.id(), command.kind(), command.name().strip(), command.address(), command.kvkNumber(),
                command.vatId(), command.email() == null ? null : command.email().strip(),
                command.language() == null ? "nl" : command.language(), Contact.normalIban(command.iban()),
                command.segment(), command.termDays());
    }
}
