package nl.tijdig.invoice.domain;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalInt;
import nl.tijdig.kernel.Betalingskenmerk;
import nl.tijdig.kernel.Violation;

/**
 * Decides whether an invoice may be issued, by the Dutch invoice requirements (art. 35a Wet OB) and
 * the law on payment terms. Two steps, so that an invoice number is only taken for an invoice that
 * will be issued (numbers are gapless): {@link #validate} names every violation; {@link #issue} turns
 * a valid command, with its number and betalingskenmerk, into the issued invoice.
 */
public final class IssueInvoiceDecider {

    private IssueInvoiceDecider() {
    }

    /** Every rule the command breaks, given the creditor profile and the debtor (null when unknown). */
    public static List<Violation> validate(IssueInvoice command, CreditorProfile profile, Debtor debtor) {
        Violations violations = new Violations();
        if (profile == null) {
            violations.add("creditorProfile", "set up the creditor profile before issuing invoices");
        } else {
            profile.requireComplete(violations);
        }
        if (debtor == null) {
            violations.add("debtorId", "no such debtor");
        } else {
            violations.requireText("debtor.name", debtor.name());
            if (debtor.address() == null) {
                violations.add("debtor.address", "is required on an invoice");
            } else {
                debtor.address().requireComplete("debtor.address", violations);
            }
        }
        if (command.currency() == null) {
            violations.add("currency", "is required");
        }
        if (command.issueDate() == null) {
            violations.add("issueDate", "is required");
        }
        if (command.deliveryDate() == null) {
            violations.add("deliveryDate", "is required (the date of delivery is on every invoice)");
        }
        validateLines(command, debtor, violations);
        validateTotal(command, violations);
        if (debtor != null && command.issueDate() != null) {
            validateTerm(command, profile, debtor, violations);
        }
        validateDiscount(command, violations);
        return violations.list();
    }

    /**
     * The issued invoice for a command that {@link #validate} accepted, with the number and the
     * betalingskenmerk allocated for it.
     */
    public static IssuedInvoice issue(IssueInvoice command, CreditorProfile profile, Debtor debtor, String number,
            String paymentReference) {
        List<Violation> violations = validate(command, profile, debtor);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("the command is not valid: " + violations);
        }
        if (!Betalingskenmerk.isValid(paymentReference)) {
            throw new IllegalArgumentException("not a valid betalingskenmerk: " + paymentReference);
        }
        int termDays = termDays(command, profile, debtor);
        InvoiceAmounts amounts = InvoiceAmounts.of(command.lines(), command.currency());
        return new IssuedInvoice(command.invoiceId(), number, profile, debtor, command.currency(), command.lines(),
                amounts, command.issueDate(), command.deliveryDate(), termDays,
                PaymentTerms.dueDate(command.issueDate(), termDays), paymentReference, command.discount(),
                command.purchaseOrder());
    }

    private static void validateLines(IssueInvoice command, Debtor debtor, Violations violations) {
        if (command.lines().isEmpty()) {
            violations.add("lines", "an invoice has at least one line");
        }
        for (int i = 0; i < command.lines().size(); i++) {
            InvoiceLine line = command.lines().get(i);
            String at = "lines[" + i + "]";
            violations.requireText(at + ".description", line.description());
            if (line.quantity().signum() == 0) {
                violations.add(at + ".quantity", "must not be zero");
            }
            if (command.currency() != null && !line.unitPrice().currency().equals(command.currency())) {
                violations.add(at + ".unitPrice", "must be in the invoice's currency " + command.currency());
            }
            if (line.unitPrice().isNegative()) {
                violations.add(at + ".unitPrice", NEGATIVE_PRICE);
            }
            if (line.vat() == VatRate.REVERSE_CHARGE && debtor != null && (debtor.vatId() == null || debtor.vatId().isBlank())) {
                violations.add("debtor.vatId", "is required on an invoice with reverse-charged VAT (line " + i + ")");
            }
        }
    }

    /** EN 16931 BR-27: the item net price is never negative; a discount is a negative quantity. */
    static final String NEGATIVE_PRICE = "must not be negative (EN 16931 BR-27); give a discount as a negative quantity";

    /** The most an invoice may be for, including VAT: 10^12, as every amount in the API. */
    static final BigDecimal MOST = BigDecimal.TEN.pow(12);

    /**
     * An invoice's total is not negative (that is a credit note, which has its own document and rules)
     * and not beyond {@link #MOST}; checked once every line is valid.
     */
    private static void validateTotal(IssueInvoice command, Violations violations) {
        if (command.lines().isEmpty() || command.currency() == null
                || command.lines().stream().anyMatch(l -> !l.unitPrice().currency().equals(command.currency()))) {
            return;
        }
        InvoiceAmounts amounts = InvoiceAmounts.of(command.lines(), command.currency());
        if (amounts.totalInclVat().isNegative()) {
            violations.add("lines", "make a negative total " + amounts.totalInclVat()
                    + ": an invoice is never negative; issue a credit note instead");
        } else if (amounts.totalInclVat().amount().compareTo(MOST) > 0 || amounts.lineTotals().stream()
                .anyMatch(t -> t.amount().abs().compareTo(MOST) > 0)) {
            violations.add("lines", "make a total beyond 1000000000000, the most an invoice may be for");
        }
    }

    private static void validateTerm(IssueInvoice command, CreditorProfile profile, Debtor debtor, Violations violations) {
        if (command.dueDate() != null && command.termDays().isPresent()) {
            violations.add("dueDate", "give a payment term or a due date, not both");
            return;
        }
        if (command.dueDate() != null && command.dueDate().isBefore(command.issueDate())) {
            violations.add("dueDate", "must not be before the issue date");
            return;
        }
        int days = termDays(command, profile, debtor);
        String field = command.dueDate() != null ? "dueDate" : "termDays";
        PaymentTerms.refusal(debtor.segment(), days, command.longTermAgreed()).ifPresent(r -> violations.add(field, r));
    }

    private static void validateDiscount(IssueInvoice command, Violations violations) {
        IssueInvoice.EarlyPaymentDiscount discount = command.discount();
        if (discount == null) {
            return;
        }
        if (discount.percent() == null || discount.percent().signum() <= 0
                || discount.percent().compareTo(BigDecimal.valueOf(100)) >= 0) {
            violations.add("discount.percent", "must be more than 0 and less than 100");
        }
        if (discount.withinDays() < 1 || discount.withinDays() > PaymentTerms.MAX_DAYS) {
            violations.add("discount.withinDays", "must be 1 to " + PaymentTerms.MAX_DAYS + " days");
        }
    }

    private static int termDays(IssueInvoice command, CreditorProfile profile, Debtor debtor) {
        if (command.dueDate() != null) {
            return (int) ChronoUnit.DAYS.between(command.issueDate(), command.dueDate());
        }
        OptionalInt creditorDefault = profile == null ? OptionalInt.empty()
                : switch (debtor.segment()) {
                    case B2B -> profile.b2bTermDays();
                    case B2C -> profile.b2cTermDays();
                };
        return PaymentTerms.termDays(debtor.segment(), command.termDays(), debtor.termDays(), creditorDefault);
    }
}
