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
        String paymentReference, String payLink, LocalDate letterDate, int payWithinDays, Money collectionCostsVat) {

    /**
     * An invoice as a letter lists it; {@code movements} are the changes of what is open on it since its
     * case opened (payments, reversals, credit notes), by which interest is computed; {@code announcedCosts} its
     * share of the costs its final notice announced, owed from {@code costsFrom} (the day after that letter's term).
     */
    public record Invoice(InvoiceId invoiceId, String number, LocalDate issueDate, LocalDate dueDate, Money principal,
            Money open, String paymentReference, String payLink, List<DunningCase.Movement> movements,
            Money announcedCosts, LocalDate costsFrom) {

        public Invoice {
            movements = movements == null ? List.of() : List.copyOf(movements);
        }

        public Invoice(InvoiceId invoiceId, String number, LocalDate issueDate, LocalDate dueDate, Money principal,
                Money open, String paymentReference, String payLink, List<DunningCase.Movement> movements,
                Money announcedCosts) {
            this(invoiceId, number, issueDate, dueDate, principal, open, paymentReference, payLink, movements, announcedCosts,
                    null);
        }

        public Invoice(InvoiceId invoiceId, String number, LocalDate issueDate, LocalDate dueDate, Money principal,
                Money open, String paymentReference, String payLink, List<DunningCase.Movement> movements) {
            this(invoiceId, number, issueDate, dueDate, principal, open, paymentReference, payLink, movements, null, null);
        }

        public Invoice(InvoiceId invoiceId, String number, LocalDate issueDate, LocalDate dueDate, Money principal,
                Money open, String paymentReference, String payLink) {
            this(invoiceId, number, issueDate, dueDate, principal, open, paymentReference, payLink, List.of(), null, null);
        }

        /** What was open when the case opened: the base interest starts on. */
        Money interestBase() {
            return movements.isEmpty() ? open : movements.get(0).openBefore();
        }

        /** The same invoice with what is open on it as the claim reckons it. */
        Invoice withOpen(Money claimed) {
            return new Invoice(invoiceId, number, issueDate, dueDate, principal, claimed, paymentReference, payLink, movements,
                    announcedCosts, costsFrom);
        }
    }

    /**
     * One invoice's claim on a day (art. 6:44 BW): every payment paid the costs owed then (from the day after the
     * final notice's term), then the interest, then the principal. The payment-service applies payments to the
     * principal alone, so the claim's principal is what it says is open plus what payments paid of costs and
     * interest; the interest and costs are what is owed of them. Together: what is open, plus all interest and the
     * costs — the same sum either way, in the parts the law gives.
     */
    public record Claimed(Invoice invoice, Money interestOwed, Money costsOwed) {

        /** The claim's principal: what is open on the invoice plus what payments paid of costs and interest. */
        public Money principal() {
            return invoice.open();
        }

        /** Everything open on the claim. */
        public Money total() {
            return invoice.open().plus(interestOwed).plus(costsOwed);
        }
    }

    /** The claim of an invoice on a day in the parts art. 6:44 BW leaves open (see {@link Claimed}). */
    public static Claimed reckon(Segment segment, Invoice invoice, LocalDate on, InterestRates rates) {
        return reckon(invoice, on, segment == Segment.B2C ? InterestRates.Kind.CONSUMER : InterestRates.Kind.COMMERCIAL, rates);
    }

    static Claimed reckon(Invoice invoice, LocalDate on, InterestRates.Kind law, InterestRates rates) {
        StatutoryInterest.Accrual a = StatutoryInterest.accrual(invoice.interestBase(), interestStart(invoice, rates),
                invoice.movements(), on, law, rates, invoice.announcedCosts(), invoice.costsFrom());
        return new Claimed(invoice.withOpen(invoice.open().plus(a.paid()).plus(a.costsPaid())), a.owed(), a.costsOwed());
    }

    public Letter {
        invoices = List.copyOf(invoices);
        channels = List.copyOf(channels);
    }

    /**
     * The claim on a day (principal, collection costs, interest, each as art. 6:44 BW leaves it open): for an
     * approval request or a hand-over to a collection agency. The costs are those the final notice announced for
     * these invoices — each invoice's share of the letter's costs, pro rata to what was open on it — never more
     * (art. 6:96 lid 6 BW: for a consumer only the costs the 14-dagenbrief stated are owed), less what payments
     * after its term paid of them. An invoice whose share was not kept (its final notice went out before shares
     * were kept) falls back to the WIK costs over what is open on it.
     */
    public static Letter claim(Segment segment, List<Invoice> invoices, LocalDate on, InterestRates rates,
            BigDecimal vatUpliftPercent) {
        DunningPolicy.Step claim = new DunningPolicy.Step("claim", DunningPolicy.Kind.FINAL_NOTICE, 1, 0,
                List.of(DunningPolicy.Channel.POST), null, "claim");
        Letter letter = of(claim, 1, segment, invoices, on, rates, vatUpliftPercent);
        if (invoices.stream().anyMatch(i -> i.announcedCosts() == null)) {
            return letter;
        }
        InterestRates.Kind law = segment == Segment.B2C ? InterestRates.Kind.CONSUMER : InterestRates.Kind.COMMERCIAL;
        Money announced = invoices.stream().map(i -> i.costsFrom() == null ? i.announcedCosts()
                : reckon(i, on, law, rates).costsOwed()).reduce(Money::plus).orElseThrow();
        return new Letter(letter.stepKey(), letter.stepNumber(), letter.kind(), letter.channels(), letter.fallback(),
                letter.invoices(), letter.totalOpen(), announced, letter.interest(), letter.totalDue(),
                letter.paymentReference(), letter.payLink(), letter.letterDate(), letter.payWithinDays(),
                announced.isPositive() && letter.collectionCostsVat().isPositive() ? vatPart(announced, letter) : zeroOf(letter));
    }

    /**
     * Each invoice's share of the letter's collection costs, pro rata to what is open on it, in the order of
     * {@link #invoices()}; the shares add up to the costs exactly (the cents left over go to the largest remainders).
     */
    public List<Money> costShares() {
        long[] ratios = invoices.stream().mapToLong(i -> i.open().toMinorUnits()).toArray();
        return List.of(collectionCosts.allocate(ratios));
    }

    /**
     * The first day of interest on an invoice: the day after its due date, but never before the first day the
     * rate table knows (a claim older than the table states less interest than it could, never more).
     */
    static LocalDate interestStart(Invoice invoice, InterestRates rates) {
        LocalDate start = invoice.dueDate().plusDays(1);
        return start.isBefore(rates.first()) ? rates.first() : start;
    }

    /**
     * The letter of a step over these invoices (one or more, one currency), dated {@code letterDate}: each invoice
     * with what is open on it and the interest owed as the claim reckons them ({@link #reckon}), so the letter asks
     * for one amount — what is open plus the interest — and the final notice the WIK costs over the principal.
     */
    public static Letter of(DunningPolicy.Step step, int stepNumber, Segment segment, List<Invoice> invoices,
            LocalDate letterDate, InterestRates rates, BigDecimal vatUpliftPercent) {
        if (invoices.isEmpty()) {
            throw new IllegalArgumentException("a letter lists at least one invoice");
        }
        Money zero = Money.zero(invoices.get(0).open().currency());
        Money interest = zero;
        List<Invoice> listed = invoices;
        if (step.kind() != DunningPolicy.Kind.PRE_DUE_REMINDER) {
            InterestRates.Kind law = segment == Segment.B2C ? InterestRates.Kind.CONSUMER : InterestRates.Kind.COMMERCIAL;
            listed = new java.util.ArrayList<>();
            for (Invoice invoice : invoices) {
                Claimed claimed = reckon(invoice, letterDate, law, rates);
                interest = interest.plus(claimed.interestOwed());
                listed.add(claimed.invoice());
            }
        }
        Money open = listed.stream().map(Invoice::open).reduce(zero, Money::plus);
        Money costs = step.kind() == DunningPolicy.Kind.FINAL_NOTICE
                ? WikCosts.ofClaims(listed.stream().map(Invoice::open).toList(), vatUpliftPercent) : zero;
        Money costsVat = step.kind() == DunningPolicy.Kind.FINAL_NOTICE
                ? WikCosts.vatOfClaims(listed.stream().map(Invoice::open).toList(), vatUpliftPercent) : zero;
        int within = switch (step.kind()) {
            case PRE_DUE_REMINDER -> (int) Math.max(0, ChronoUnit.DAYS.between(letterDate,
                    invoices.stream().map(Invoice::dueDate).min(LocalDate::compareTo).orElseThrow()));
            case FINAL_NOTICE -> 14;
            default -> 7;
        };
        boolean one = invoices.size() == 1;
        return new Letter(step.key(), stepNumber, step.kind(), step.channels(), step.fallback(), listed, open, costs, interest,
                open.plus(interest), one ? invoices.get(0).paymentReference() : null, one ? invoices.get(0).payLink() : null,
                letterDate, within, costsVat);
    }

    private static Money zeroOf(Letter letter) {
        return Money.zero(letter.collectionCosts().currency());
    }

    /** The VAT in announced costs, in the proportion of the letter's VAT to its costs, to the cent. */
    private static Money vatPart(Money announced, Letter letter) {
        return Money.of(announced.amount().multiply(letter.collectionCostsVat().amount())
                .divide(letter.collectionCosts().amount(), 2, java.math.RoundingMode.HALF_UP), announced.currency());
    }
}
