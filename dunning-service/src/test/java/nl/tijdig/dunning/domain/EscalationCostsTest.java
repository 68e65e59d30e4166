package nl.tijdig.dunning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;
import org.junit.jupiter.api.Test;

/**
 * Art. 6:96 lid 6 BW and the WIK: the 14-dagenbrief states the collection costs over the summed principal of the
 * invoices it names, and only those costs may follow. An escalation claims for each invoice its share of the
 * costs its letter announced — together exactly the letter's costs, never one minimum per invoice.
 */
class EscalationCostsTest {

    static final LocalDate DUE = LocalDate.of(2026, 3, 2);

    record Case(Letter.Invoice invoice, DunningCase.State state) {
    }

    static Case consumerCase(String number, String open) {
        InvoiceId id = new InvoiceId(UUID.randomUUID());
        Letter.Invoice invoice = new Letter.Invoice(id, number, DUE.minusDays(14), DUE, Money.eur(open), Money.eur(open),
                null, null);
        DunningCase.State state = DunningCase.State.opened(id, DunningPolicy.defaults(Segment.B2C), DUE, Money.eur(open));
        // the pre-due note, the friendly reminder and the phone call behind it
        state = DunningCase.replay(state, List.of(new DunningCase.StepSkipped("pre-due", DUE),
                new DunningCase.StepDue("friendly", DunningPolicy.Kind.REMINDER, DUE.plusDays(1)),
                new DunningCase.StepDelivered("friendly", DUE.plusDays(1), null),
                new DunningCase.StepDue("phone", DunningPolicy.Kind.PHONE_CALL, DUE.plusDays(8))));
        return new Case(invoice, state);
    }

    /** The invoice as the scheduler lists it from the case's state. */
    static Letter.Invoice listed(Case c) {
        Letter.Invoice i = c.invoice();
        return new Letter.Invoice(i.invoiceId(), i.number(), i.issueDate(), i.dueDate(), i.principal(), c.state().open(),
                null, null, c.state().movements(), c.state().announcedCosts().orElse(null));
    }

    @Test
    void a_consumers_three_invoices_are_escalated_with_exactly_the_costs_of_their_letter() {
        // given three consumer invoices of €100 at the final notice
        List<Case> cases = List.of(consumerCase("F-1", "100.00"), consumerCase("F-2", "100.00"), consumerCase("F-3", "100.00"));
        LocalDate finalDay = DUE.plusDays(15);

        // when the 14-dagenbrief goes out over the three
        DebtorRun.Outcome outcome = DebtorRun.run(finalDay, false, Segment.B2C,
                cases.stream().map(c -> new DebtorRun.DueCase(listed(c), c.state())).toList(), InterestRates.SEEDED,
                BigDecimal.ZERO);
        Letter letter = outcome.letter().orElseThrow();

        // then it states WIK over €300: 15 % = €45
        assertThat(letter.kind()).isEqualTo(DunningPolicy.Kind.FINAL_NOTICE);
        assertThat(letter.collectionCosts()).isEqualTo(Money.eur("45.00"));

        // and when, the term passed unpaid, each case is escalated on its own
        LocalDate deadline = FourteenDayLetter.deadline(finalDay, FourteenDayLetter.Delivery.POST, false);
        List<Money> claimed = new ArrayList<>();
        for (Case c : cases) {
            DunningCase.State state = DunningCase.replay(c.state(), outcome.decided().get(c.invoice().invoiceId()));
            state = DunningCase.replay(state, List.of(new DunningCase.StepDelivered("final", finalDay, deadline)));
            List<DunningCase.Event> escalation = DunningCase.decide(new DunningCase.Tick(deadline.plusDays(1)), state);
            assertThat(escalation).hasAtLeastOneElementOfType(DunningCase.ApprovalRequested.class);
            state = DunningCase.replay(state, escalation);
            Letter claim = Letter.claim(Segment.B2C, List.of(listed(new Case(c.invoice(), state))), deadline.plusDays(1),
                    InterestRates.SEEDED, BigDecimal.ZERO);
            claimed.add(claim.collectionCosts());
        }

        // then each claims a third of the letter's costs, €45 together — not 3 × the €40 minimum
        assertThat(claimed).containsExactly(Money.eur("15.00"), Money.eur("15.00"), Money.eur("15.00"));
        assertThat(claimed.stream().reduce(Money::plus).orElseThrow()).isEqualTo(letter.collectionCosts());
    }

    @Test
    void the_shares_follow_what_is_open_and_add_up_to_the_cent() {
        // given a letter over €100, €200 and €33.33 (WIK €50.00 over €333.33)
        List<Letter.Invoice> invoices = List.of(consumerCase("G-1", "100.00"), consumerCase("G-2", "200.00"),
                consumerCase("G-3", "33.33")).stream().map(EscalationCostsTest::listed).toList();
        Letter letter = Letter.of(DunningPolicy.defaults(Segment.B2C).steps().get(3), 4, Segment.B2C, invoices,
                DUE.plusDays(15), InterestRates.SEEDED, BigDecimal.ZERO);

        // when the costs are shared
        List<Money> shares = letter.costShares();

        // then pro rata, to the cent, summing to the letter's costs
        assertThat(letter.collectionCosts()).isEqualTo(Money.eur("50.00"));
        assertThat(shares).containsExactly(Money.eur("15.00"), Money.eur("30.00"), Money.eur("5.00"));
        assertThat(shares.stream().reduce(Money::plus).orElseThrow()).isEqualTo(letter.collectionCosts());
    }

    @Test
    void a_case_whose_share_was_not_kept_falls_back_to_the_costs_over_what_is_open_on_it() {
        Case old = consumerCase("H-1", "100.00");
        Letter claim = Letter.claim(Segment.B2C, List.of(listed(old)), DUE.plusDays(40), InterestRates.SEEDED, BigDecimal.ZERO);
        assertThat(claim.collectionCosts()).isEqualTo(Money.eur("40.00"));
    }
}
