package nl.tijdig.invoice.domain;

import java.time.Instant;
import java.util.List;
import nl.tijdig.events.InvoiceEvent;
import nl.tijdig.kernel.Decider;
import nl.tijdig.kernel.Decision;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.kernel.Violation;

/**
 * Decides whether a debtor may be registered (or changed) as given: a business or a consumer with
 * name and address; a Dutch business with its KvK number; identifiers, email, IBAN and language
 * well-formed; its own payment term lawful. {@link #register} gives the debtor in normal form.
 */
public final class DebtorDecider {

    /** What may happen to a debtor: registered once, then changed as a whole. */
    public sealed interface Command {
        TenantId tenant();

        RegisterDebtor debtor();

        Instant at();
    }

    public record Register(TenantId tenant, RegisterDebtor debtor, Instant at) implements Command {
    }

    public record Change(TenantId tenant, RegisterDebtor debtor, Instant at) implements Command {
    }

    /** A debtor's stream, decided: DebtorRegistered, then DebtorUpdated; its state the debtor as last published. */
    public static final Decider<Command, Debtor, InvoiceEvent> DECIDER = Decider.of(null, DebtorDecider::decide,
            InvoiceEvents::evolve);

    private DebtorDecider() {
    }

    /**
     * The events of a command on the debtor (null: not registered): refused on each field the data breaks; a
     * registration of a debtor that exists changes nothing, a change of one that does not is refused on {@code id}.
     */
    public static Decision<InvoiceEvent> decide(Command command, Debtor state) {
        List<Violation> violations = validate(command.debtor());
        if (!violations.isEmpty()) {
            return Decision.refused(violations);
        }
        Debtor debtor = register(command.debtor());
        return switch (command) {
            case Register r -> state != null ? Decision.decided(List.of())
                    : Decision.decided(InvoiceEvents.registered(r.tenant(), debtor, r.at()));
            case Change c -> state == null ? Decision.refused("id", "no such debtor")
                    : Decision.decided(InvoiceEvents.updated(c.tenant(), debtor, c.at()));
        };
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
