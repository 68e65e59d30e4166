package nl.tijdig.dunning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;
import org.junit.jupiter.api.Test;

/** Given a debtor's due cases, when the scheduler runs its day, then what it decides and the one letter. */
class DebtorRunTest {

    static final LocalDate DUE = LocalDate.of(2026, 11, 2);

    static DebtorRun.DueCase dueCase(String number, String open, LocalDate due) {
        InvoiceId id = new InvoiceId(UUID.randomUUID());
        Letter.Invoice invoice = new Letter.Invoice(id, number, due.minusDays(30), due, Money.eur(open), Money.eur(open),
                "12345678901234" + number.length(), null);
        return new DebtorRun.DueCase(invoice, DunningCase.State.opened(id, DunningPolicy.defaults(Segment.B2B), due,
                Money.eur(open)));
    }

    static DebtorRun.DueCase after(DebtorRun.DueCase due, List<DunningCase.Event> events) {
        return new DebtorRun.DueCase(due.invoice(), DunningCase.replay(due.state(), events));
    }

    @Test
    void overdue_invoices_of_one_debtor_get_one_letter_with_the_pre_due_notes_skipped() {
        // given two overdue invoices of one debtor, never reminded
        DebtorRun.DueCase first = dueCase("A-1", "100.00", DUE);
        DebtorRun.DueCase second = dueCase("A-2", "50.00", DUE.minusDays(2));

        // when the scheduler runs the day after the due date
        DebtorRun.Outcome outcome = DebtorRun.run(DUE.plusDays(1), false, Segment.B2B, List.of(first, second),
                InterestRates.SEEDED, BigDecimal.ZERO);

        // then one reminder lists both (oldest first), each case skipped its pre-due note and took the reminder
        Letter letter = outcome.letter().orElseThrow();
        assertThat(letter.kind()).isEqualTo(DunningPolicy.Kind.REMINDER);
        assertThat(letter.invoices()).extracting(Letter.Invoice::number).containsExactly("A-2", "A-1");
        assertThat(letter.totalOpen()).isEqualTo(Money.eur("150.00"));
        assertThat(letter.collectionCosts()).isEqualTo(Money.eur("0.00"));
        assertThat(letter.paymentReference()).isNull();
        assertThat(letter.stepNumber()).isEqualTo(2);
        assertThat(outcome.decided().get(first.invoice().invoiceId())).hasExactlyElementsOfTypes(
                DunningCase.StepSkipped.class, DunningCase.StepDue.class);
        assertThat(outcome.deferred()).isEmpty();
    }

    @Test
    void a_debtor_gets_the_most_advanced_letter_and_the_other_waits_for_tomorrow() {
        // given one case at its final notice and one fresh overdue case
        DebtorRun.DueCase old = dueCase("B-1", "1000.00", DUE);
        old = after(old, List.of(new DunningCase.StepSkipped("pre-due", DUE), new DunningCase.StepDue("friendly",
                DunningPolicy.Kind.REMINDER, DUE.plusDays(1)), new DunningCase.StepDelivered("friendly", DUE.plusDays(1),
                null), new DunningCase.StepDue("phone", DunningPolicy.Kind.PHONE_CALL, DUE.plusDays(8))));
        DebtorRun.DueCase fresh = dueCase("B-2", "200.00", DUE.plusDays(14));

        // when the scheduler runs on the final notice's day
        DebtorRun.Outcome outcome = DebtorRun.run(DUE.plusDays(15), false, Segment.B2B, List.of(fresh, old),
                InterestRates.SEEDED, BigDecimal.ZERO);

        // then the final notice goes, with WIK costs over what is open and interest; the fresh case waits
        Letter letter = outcome.letter().orElseThrow();
        assertThat(letter.kind()).isEqualTo(DunningPolicy.Kind.FINAL_NOTICE);
        assertThat(letter.invoices()).extracting(Letter.Invoice::number).containsExactly("B-1");
        assertThat(letter.collectionCosts()).isEqualTo(Money.eur("150.00"));
        assertThat(letter.interest().isPositive()).isTrue();
        assertThat(letter.paymentReference()).isNotNull();
        assertThat(letter.payWithinDays()).isEqualTo(14);
        assertThat(outcome.deferred()).containsExactly(fresh.invoice().invoiceId());
        assertThat(outcome.decided().get(fresh.invoice().invoiceId())).hasExactlyElementsOfTypes(DunningCase.StepSkipped.class);
    }

    @Test
    void a_debtor_who_had_a_letter_today_gets_none_and_nothing_is_lost() {
        DebtorRun.DueCase due = dueCase("C-1", "100.00", DUE);

        DebtorRun.Outcome outcome = DebtorRun.run(DUE.plusDays(1), true, Segment.B2B, List.of(due), InterestRates.SEEDED,
                BigDecimal.ZERO);

        assertThat(outcome.letter()).isEmpty();
        assertThat(outcome.deferred()).containsExactly(due.invoice().invoiceId());
    }

    @Test
    void phone_steps_of_a_debtor_become_one_call() {
        DebtorRun.DueCase a = after(dueCase("D-1", "100.00", DUE), List.of(new DunningCase.StepSkipped("pre-due", DUE),
                new DunningCase.StepDue("friendly", DunningPolicy.Kind.REMINDER, DUE.plusDays(1)),
                new DunningCase.StepDelivered("friendly", DUE.plusDays(1), null)));
        DebtorRun.DueCase b = after(dueCase("D-2", "100.00", DUE), List.of(new DunningCase.StepSkipped("pre-due", DUE),
                new DunningCase.StepDue("friendly", DunningPolicy.Kind.REMINDER, DUE.plusDays(1)),
                new DunningCase.StepDelivered("friendly", DUE.plusDays(1), null)));

        DebtorRun.Outcome outcome = DebtorRun.run(DUE.plusDays(8), false, Segment.B2B, List.of(a, b), InterestRates.SEEDED,
                BigDecimal.ZERO);

        assertThat(outcome.phoneCall()).extracting(Letter.Invoice::number).containsExactlyInAnyOrder("D-1", "D-2");
        assertThat(outcome.letter()).isEmpty();
    }

    @Test
    void a_letter_over_several_claims_charges_wik_over_their_sum_and_a_consumer_pays_14_days_after_receipt() {
        DebtorRun.DueCase a = dueCase("E-1", "2500.00", DUE);
        DebtorRun.DueCase b = dueCase("E-2", "2500.00", DUE);
        DunningPolicy.Step finalNotice = DunningPolicy.defaults(Segment.B2C).steps().get(3);

        Letter letter = Letter.of(finalNotice, 4, Segment.B2C, List.of(a.invoice(), b.invoice()), DUE.plusDays(15),
                InterestRates.SEEDED, BigDecimal.ZERO);

        assertThat(letter.collectionCosts()).isEqualTo(WikCosts.of(Money.eur("5000.00"))).isEqualTo(Money.eur("625.00"));
        assertThat(letter.totalDue()).isEqualTo(Money.eur("5000.00").plus(letter.interest()));
        assertThat(letter.payWithinDays()).isEqualTo(14);
    }
}
