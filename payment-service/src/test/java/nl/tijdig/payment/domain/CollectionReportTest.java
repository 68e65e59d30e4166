package nl.tijdig.payment.domain;

import static nl.tijdig.payment.domain.PaymentMatcherTest.BAKERY;
import static nl.tijdig.payment.domain.PaymentMatcherTest.NEW;
import static nl.tijdig.payment.domain.PaymentMatcherTest.OLD;
import static nl.tijdig.payment.domain.PaymentMatcherTest.PRINTER;
import static nl.tijdig.payment.domain.PaymentMatcherTest.TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.tijdig.kernel.Money;
import org.junit.jupiter.api.Test;

class CollectionReportTest {

    static final Map<nl.tijdig.kernel.InvoiceId, OpenItem> ITEMS = Map.of(OLD.invoiceId(), OLD, NEW.invoiceId(), NEW);

    @Test
    void each_named_invoice_gets_its_part_and_the_rest_is_credit() {
        // given a report of 300.00: 100.00 for the old invoice, 150.00 for the new one
        List<CollectionReport.Part> parts = List.of(new CollectionReport.Part(OLD.invoiceId(), Money.eur("100.00")),
                new CollectionReport.Part(NEW.invoiceId(), Money.eur("150.00")));

        // when it is placed
        Match.Matched placed = CollectionReport.allocate(Money.eur("300.00"), BAKERY, parts, ITEMS, TOLERANCE);

        // then both invoices get their parts, and 50.00 is the debtor's credit
        assertThat(placed.rule()).isEqualTo(Match.Rule.COLLECTION);
        assertThat(placed.allocations()).extracting(a -> a.openAfter().amount().toPlainString())
                .containsExactly("0.00", "100.00");
        assertThat(placed.credit()).isEqualTo(Money.eur("50.00"));
    }

    @Test
    void a_part_above_what_is_open_takes_only_what_is_open_and_a_paid_invoice_takes_nothing() {
        List<CollectionReport.Part> parts = List.of(new CollectionReport.Part(OLD.invoiceId(), Money.eur("120.00")),
                new CollectionReport.Part(new nl.tijdig.kernel.InvoiceId(java.util.UUID.randomUUID()), Money.eur("30.00")));

        Match.Matched placed = CollectionReport.allocate(Money.eur("150.00"), BAKERY, parts, ITEMS, TOLERANCE);

        assertThat(placed.allocations()).singleElement().satisfies(a -> assertThat(a.amount()).isEqualTo(Money.eur("100.00")));
        assertThat(placed.credit()).isEqualTo(Money.eur("50.00"));
    }

    @Test
    void another_debtors_invoice_is_not_paid_and_a_residual_within_tolerance_closes_one() {
        List<CollectionReport.Part> others = List.of(new CollectionReport.Part(OLD.invoiceId(), Money.eur("100.00")));
        assertThat(CollectionReport.allocate(Money.eur("100.00"), PRINTER, others, ITEMS, TOLERANCE).allocations()).isEmpty();

        List<CollectionReport.Part> almost = List.of(new CollectionReport.Part(OLD.invoiceId(), Money.eur("99.60")));
        Match.Matched placed = CollectionReport.allocate(Money.eur("99.60"), BAKERY, almost, ITEMS, TOLERANCE);
        assertThat(placed.allocations()).singleElement().satisfies(a -> {
            assertThat(a.openAfter().isPositive()).isFalse();
            assertThat(a.writtenOff()).isEqualTo(Money.eur("0.40"));
        });
    }
}
