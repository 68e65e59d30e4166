package nl.tijdig.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.kernel.Betalingskenmerk;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import org.junit.jupiter.api.Test;

class PaymentMatcherTest {

    static final Money TOLERANCE = Money.eur("0.50");
    static final DebtorId BAKERY = new DebtorId(UUID.fromString("0193a6f2-2222-7222-8222-000000000001"));
    static final DebtorId PRINTER = new DebtorId(UUID.fromString("0193a6f2-2222-7222-8222-000000000002"));
    static final LocalDate VALUE = LocalDate.of(2026, 11, 20);

    static OpenItem item(int n, DebtorId debtor, String open, LocalDate due) {
        return new OpenItem(new InvoiceId(new UUID(0x0193a6f211117111L, n)), "2026-0000" + n, debtor,
                Betalingskenmerk.of(n), due.minusDays(30), due, Money.eur(open));
    }

    static final OpenItem OLD = item(1, BAKERY, "100.00", LocalDate.of(2026, 10, 1));
    static final OpenItem NEW = item(2, BAKERY, "250.00", LocalDate.of(2026, 11, 1));

    static IncomingPayment paid(String amount, String remittance) {
        return new IncomingPayment(Money.eur(amount), VALUE, "Bakkerij De Gouden Korst", "NL91ABNA0417164300",
                remittance, null);
    }

    static Candidates byReference(OpenItem item) {
        return new Candidates(Optional.empty(), Optional.of(item), List.of(), List.of(), List.of());
    }

    static Candidates byIban(OpenItem... items) {
        return new Candidates(Optional.empty(), Optional.empty(), List.of(),
                List.of(new Candidates.DebtorItems(items[0].debtorId(), List.of(items))), List.of());
    }

    @Test
    void the_betalingskenmerk_places_the_payment_on_its_invoice() {
        Match match = PaymentMatcher.match(paid("100.00", "betaling " + OLD.paymentReference()), byReference(OLD), TOLERANCE);

        assertThat(match).isEqualTo(new Match.Matched(Match.Rule.BETALINGSKENMERK, BAKERY,
                List.of(new Match.Allocation(OLD.invoiceId(), Money.eur("100.00"), Money.eur("0.00"), null)),
                Money.eur("0.00")));
    }

    @Test
    void a_partial_payment_leaves_the_rest_open() {
        Match.Matched match = (Match.Matched) PaymentMatcher.match(paid("40.00", null), byReference(OLD), TOLERANCE);

        assertThat(match.allocations()).singleElement().satisfies(a -> {
            assertThat(a.amount()).isEqualTo(Money.eur("40.00"));
            assertThat(a.openAfter()).isEqualTo(Money.eur("60.00"));
            assertThat(a.writtenOff()).isNull();
        });
    }

    @Test
    void a_residual_at_or_below_the_tolerance_is_written_off_and_closes_the_invoice() {
        Match.Matched match = (Match.Matched) PaymentMatcher.match(paid("99.50", null), byReference(OLD), TOLERANCE);

        assertThat(match.allocations()).singleElement().satisfies(a -> {
            assertThat(a.amount()).isEqualTo(Money.eur("99.50"));
            assertThat(a.openAfter()).isEqualTo(Money.eur("0.00"));
            assertThat(a.writtenOff()).isEqualTo(Money.eur("0.50"));
        });
        // and one cent more than the tolerance stays open
        Match.Matched short1 = (Match.Matched) PaymentMatcher.match(paid("99.49", null), byReference(OLD), TOLERANCE);
        assertThat(short1.allocations().get(0).openAfter()).isEqualTo(Money.eur("0.51"));
    }

    @Test
    void an_overpayment_becomes_the_debtors_credit() {
        Match.Matched match = (Match.Matched) PaymentMatcher.match(paid("130.00", null), byReference(OLD), TOLERANCE);

        assertThat(match.allocations().get(0).amount()).isEqualTo(Money.eur("100.00"));
        assertThat(match.credit()).isEqualTo(Money.eur("30.00"));
        assertThat(match.debtorId()).isEqualTo(BAKERY);
    }

    @Test
    void invoice_numbers_in_the_remittance_are_paid_in_the_order_written() {
        Candidates numbers = new Candidates(Optional.empty(), Optional.empty(), List.of(NEW, OLD), List.of(), List.of());

        Match.Matched match = (Match.Matched) PaymentMatcher.match(paid("300.00", "facturen 2026-00002 en 2026-00001"),
                numbers, TOLERANCE);

        assertThat(match.rule()).isEqualTo(Match.Rule.INVOICE_NUMBER);
        assertThat(match.allocations()).extracting(Match.Allocation::invoiceId).containsExactly(NEW.invoiceId(), OLD.invoiceId());
        assertThat(match.allocations()).extracting(Match.Allocation::amount)
                .containsExactly(Money.eur("250.00"), Money.eur("50.00"));
    }

    @Test
    void by_iban_the_invoice_of_exactly_the_amount_is_paid_else_the_oldest_first() {
        Match.Matched exact = (Match.Matched) PaymentMatcher.match(paid("250.00", "bedankt"), byIban(OLD, NEW), TOLERANCE);
        assertThat(exact.rule()).isEqualTo(Match.Rule.IBAN);
        assertThat(exact.allocations()).extracting(Match.Allocation::invoiceId).containsExactly(NEW.invoiceId());

        Match.Matched lump = (Match.Matched) PaymentMatcher.match(paid("320.00", "bedankt"), byIban(NEW, OLD), TOLERANCE);
        assertThat(lump.allocations()).extracting(Match.Allocation::invoiceId).containsExactly(OLD.invoiceId(), NEW.invoiceId());
        assertThat(lump.allocations()).extracting(Match.Allocation::amount)
                .containsExactly(Money.eur("100.00"), Money.eur("220.00"));
        assertThat(lump.credit()).isEqualTo(Money.eur("0.00"));
    }

    @Test
    void an_iban_shared_by_two_debtors_does_not_decide() {
        OpenItem printers = item(3, PRINTER, "100.00", LocalDate.of(2026, 10, 5));
        Candidates shared = new Candidates(Optional.empty(), Optional.empty(), List.of(), List.of(
                new Candidates.DebtorItems(BAKERY, List.of(OLD)), new Candidates.DebtorItems(PRINTER, List.of(printers))),
                List.of());

        assertThat(PaymentMatcher.match(paid("100.00", null), shared, TOLERANCE)).isInstanceOf(Match.Unmatched.class);
    }

    @Test
    void by_name_only_one_open_invoice_of_exactly_the_amount_matches() {
        Candidates byName = new Candidates(Optional.empty(), Optional.empty(), List.of(), List.of(),
                List.of(new Candidates.DebtorItems(BAKERY, List.of(OLD, NEW))));

        Match exact = PaymentMatcher.match(paid("250.00", null), byName, TOLERANCE);
        assertThat(exact).isInstanceOfSatisfying(Match.Matched.class, m -> {
            assertThat(m.rule()).isEqualTo(Match.Rule.NAME);
            assertThat(m.allocations().get(0).invoiceId()).isEqualTo(NEW.invoiceId());
        });
        assertThat(PaymentMatcher.match(paid("120.00", null), byName, TOLERANCE)).isInstanceOf(Match.Unmatched.class);
    }

    @Test
    void an_unplaced_payment_says_what_was_tried() {
        Match match = PaymentMatcher.match(paid("75.00", "zie mail"), Candidates.none(), TOLERANCE);

        assertThat(match).isInstanceOfSatisfying(Match.Unmatched.class, u -> assertThat(u.reason())
                .contains("no betalingskenmerk").contains("no open invoice number").contains("IBAN"));
    }

    @Test
    void the_invoice_the_reporter_names_comes_first() {
        Candidates named = new Candidates(Optional.of(NEW), Optional.of(OLD), List.of(), List.of(), List.of());

        Match.Matched match = (Match.Matched) PaymentMatcher.match(paid("250.00", OLD.paymentReference()), named, TOLERANCE);

        assertThat(match.rule()).isEqualTo(Match.Rule.INVOICE_ID);
        assertThat(match.allocations().get(0).invoiceId()).isEqualTo(NEW.invoiceId());
    }
}
