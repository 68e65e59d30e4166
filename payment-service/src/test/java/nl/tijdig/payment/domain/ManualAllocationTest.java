package nl.tijdig.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Violation;
import org.junit.jupiter.api.Test;

class ManualAllocationTest {

    static final Map<InvoiceId, OpenItem> ITEMS = Map.of(PaymentMatcherTest.OLD.invoiceId(), PaymentMatcherTest.OLD,
            PaymentMatcherTest.NEW.invoiceId(), PaymentMatcherTest.NEW);

    @Test
    void staff_place_a_payment_on_invoices_and_the_rest_is_credit() {
        List<ManualAllocation.Part> parts = List.of(new ManualAllocation.Part(PaymentMatcherTest.OLD.invoiceId(), Money.eur("100.00")));

        Match.Matched match = ManualAllocation.allocate(Money.eur("120.00"), parts, null, ITEMS, Money.eur("0.50"));

        assertThat(match.rule()).isEqualTo(Match.Rule.MANUAL);
        assertThat(match.debtorId()).isEqualTo(PaymentMatcherTest.BAKERY);
        assertThat(match.credit()).isEqualTo(Money.eur("20.00"));
    }

    @Test
    void more_than_is_open_more_than_was_paid_or_an_unknown_invoice_is_refused_by_field() {
        List<ManualAllocation.Part> parts = List.of(
                new ManualAllocation.Part(PaymentMatcherTest.OLD.invoiceId(), Money.eur("150.00")),
                new ManualAllocation.Part(new InvoiceId(java.util.UUID.randomUUID()), Money.eur("10.00")));

        assertThat(ManualAllocation.validate(Money.eur("100.00"), parts, null, ITEMS)).extracting(Violation::field)
                .containsExactlyInAnyOrder("allocations[0].amount", "allocations[1].invoiceId", "allocations");
    }

    @Test
    void nothing_named_is_refused() {
        assertThat(ManualAllocation.validate(Money.eur("100.00"), List.of(), null, ITEMS)).extracting(Violation::field)
                .containsExactly("allocations");
    }
}
