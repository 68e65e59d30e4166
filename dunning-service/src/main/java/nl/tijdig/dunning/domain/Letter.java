package nl.tijdig.dunning.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;

/**
 * One letter of a dunning step to one debtor, over one or more of its invoices, with the amounts the law
 * asks it to state: what is open, the statutory interest up to the letter date (6:119 for consumers,
 * 6:119a for businesses, from the day after each due date; payments applied to interest first, art. 6:44), and — on the final notice — the WIK
 * collection costs over the summed principal that will be charged if the debtor does not pay in time.
 * The pay-within term: a reminder gives 7 days, the final notice 14 (the 14-dagenbrief: 14 days after
 * the day of receipt), a pre-due note the days until the due date.
 */
public record Letter(String stepKey, int stepNumber, DunningPolicy.Kind kind, List<DunningPolicy.Channel> channels,
        DunningPolicy.Channel fallback, List<Invoice> invoices, Money totalOpen, Money collectionCosts, Money interest, Money totalDue,
        String paymentReference, String payLink, LocalDate letterDate, int payWithinDays) {

    /**
     * An invoice as a letter lists it; {@code movements} are the changes of what is open on it since its
     * case opened (payments, reversals, credit notes), by which interest is computed.
     */
    public record Invoice(InvoiceId invoiceId, String number, LocalDate issueDate, LocalDate dueDate, Money principal,
            Money open, String paymentReference, String payLink, List<DunningCase.Movement> movements) {

        public Invoice {
            movements = movements == null ? List.of() : List.copyOf(movements);
        }

        public Invoice(InvoiceId invoiceId, String number, LocalDate issueDate, LocalDate dueDate, Money principal,
                Money open, String paymentReference, String payLink) {
            this(invoiceId, number, issueDate, dueDate, principal, open, paymentReference, payLink, List.of());
        }

        /** What was open when the case opened: the base interest starts on. */
        Money interestBase() {
            return movements.isEmpty() ? open : movements.get(0).openBefore();
        }
    }

    public Letter {
        invoices = List.copyOf(invoices);
        channels = List.copyOf(channels);
    }

    /**
     * The claim on a day, as a final notice would state it (principal, WIK costs, interest): for an
     * approval request or a hand-over to a collection agency.
     */
    public static Letter claim(Segment segment, List<Invoice> invoices, LocalDate on, InterestRates rates,
            BigDecimal vatUpliftPercent) {
        DunningPolicy.Step claim = new DunningPolicy.Step("claim", DunningPolicy.Kind.FINAL_NOTICE, 1, 0,
                List.of(DunningPolicy.Channel.POST), null, "claim");
        return of(claim, 1, segment, invoices, on, rates, vatUpliftPercent);
    }

    /** The letter of a step over these invoices (one or more, one currency), dated {@code letterDate}. */
    public static Letter of(DunningPolicy.Step step, int stepNumber, Segment segment, List<Invoice> invoices,
            LocalDate letterDate, InterestRates rates, BigDecimal vatUpliftPercent) {
        if (invoices.isEmpty()) {
            throw new IllegalArgumentException("a letter lists at least one invoice");
        }
        Money zero = Money.zero(invoices.get(0).open().currency());
        Money open = invoices.stream().map(Invoice::open).reduce(zero, Money::plus);
        Money interest = zero;
        if (step.kind() != DunningPolicy.Kind.PRE_DUE_REMINDER) {
            InterestRates.Kind law = segment == Segment.B2C ? InterestRates.Kind.CONSUMER : InterestRates.Kind.COMMERCIAL;
            for (Invoice invoice : invoices) {
                interest = interest.plus(StatutoryInterest.accrued(invoice.interestBase(), invoice.dueDate().plusDays(1),
                        invoice.movements(), letterDate, law, rates));
            }
        }
        Money costs = step.kind() == DunningPolicy.Kind.FINAL_NOTICE
                ? WikCosts.ofClaims(invoices.stream().map(Invoice::open).toList(), vatUpliftPercent) : zero;
        int within = switch (step.kind()) {
            case PRE_DUE_REMINDER -> (int) Math.max(0, ChronoUnit.DAYS.between(letterDate,
                    invoices.stream().map(Invoice::dueDate).min(LocalDate::compareTo).orElseThrow()));
            case FINAL_NOTICE -> 14;
            default -> 7;
        };
        boolean one = invoices.size() == 1;
        return new Letter(step.key(), stepNumber, step.kind(), step.channels(), step.fallback(), invoices, open, costs, interest,
                open.plus(interest), one ? invoices.get(0).paymentReference() : null, one ? invoices.get(0).payLink() : null,
                letterDate, within);
    }
}
