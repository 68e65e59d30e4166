package nl.tijdig.invoice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import nl.tijdig.kernel.Money;
import org.junit.jupiter.api.Test;

class InvoiceAmountsTest {

    private static InvoiceLine line(String quantity, String unitPrice, VatRate vat) {
        return new InvoiceLine("regel", new BigDecimal(quantity), Money.eur(unitPrice), vat);
    }

    @Test
    void lines_are_rounded_per_line_and_vat_is_computed_per_rate() {
        // given lines at 21 %, 9 % and exempt, with prices that do not round evenly
        List<InvoiceLine> lines = List.of(
                line("3", "33.333", VatRate.STANDARD),   // 99.999  -> 100.00
                line("1.5", "10.005", VatRate.STANDARD), // 15.0075 ->  15.01
                line("7", "2.49", VatRate.REDUCED),      // 17.43
                line("1", "250", VatRate.EXEMPT));       // 250.00

        // when the amounts are computed
        InvoiceAmounts amounts = InvoiceAmounts.of(lines, Money.EUR);

        // then each line total is rounded half-up to cents
        assertThat(amounts.lineTotals()).containsExactly(Money.eur("100.00"), Money.eur("15.01"), Money.eur("17.43"),
                Money.eur("250.00"));
        // and VAT is per rate on the sum of its lines: 115.01 × 21 % = 24.1521 -> 24.15; 17.43 × 9 % = 1.5687 -> 1.57
        assertThat(amounts.vatBreakdown()).containsExactly(
                new InvoiceAmounts.VatBreakdown(VatRate.STANDARD, Money.eur("115.01"), Money.eur("24.15")),
                new InvoiceAmounts.VatBreakdown(VatRate.REDUCED, Money.eur("17.43"), Money.eur("1.57")),
                new InvoiceAmounts.VatBreakdown(VatRate.EXEMPT, Money.eur("250.00"), Money.eur("0.00")));
        assertThat(amounts.totalExclVat()).isEqualTo(Money.eur("382.44"));
        assertThat(amounts.vatTotal()).isEqualTo(Money.eur("25.72"));
        assertThat(amounts.totalInclVat()).isEqualTo(Money.eur("408.16"));
    }

    @Test
    void vat_per_rate_differs_from_the_sum_of_vat_per_line_and_the_rate_wins() {
        // three lines of 0.10 at 21 %: per line 0.021 -> 0.02 each (0.06), per rate 0.30 × 21 % = 0.063 -> 0.06
        // ten lines of 0.05: per line 0.0105 -> 0.01 each (0.10), per rate 0.50 × 21 % = 0.105 -> 0.11
        List<InvoiceLine> lines = java.util.stream.IntStream.range(0, 10).mapToObj(i -> line("1", "0.05", VatRate.STANDARD)).toList();
        assertThat(InvoiceAmounts.of(lines, Money.EUR).vatTotal()).isEqualTo(Money.eur("0.11"));
    }

    @Test
    void a_discount_line_may_be_negative() {
        InvoiceAmounts amounts = InvoiceAmounts.of(List.of(line("1", "100", VatRate.STANDARD),
                line("-1", "10", VatRate.STANDARD)), Money.EUR);
        assertThat(amounts.totalExclVat()).isEqualTo(Money.eur("90.00"));
        assertThat(amounts.vatTotal()).isEqualTo(Money.eur("18.90"));
        assertThat(amounts.totalInclVat()).isEqualTo(Money.eur("108.90"));
    }

    @Test
    void reverse_charge_has_no_vat_on_the_invoice() {
        InvoiceAmounts amounts = InvoiceAmounts.of(List.of(line("2", "500", VatRate.REVERSE_CHARGE)), Money.EUR);
        assertThat(amounts.vatTotal()).isEqualTo(Money.eur("0"));
        assertThat(amounts.vatBreakdown()).extracting(b -> b.rate().categoryCode()).containsExactly("AE");
    }

    @Test
    void lines_in_another_currency_or_no_lines_are_refused() {
        assertThatThrownBy(() -> InvoiceAmounts.of(List.of(
                new InvoiceLine("x", BigDecimal.ONE, Money.of("1", "USD"), VatRate.STANDARD)), Money.EUR))
                .hasMessageContaining("is in USD, the invoice in EUR");
        assertThatThrownBy(() -> InvoiceAmounts.of(List.of(), Money.EUR)).hasMessageContaining("at least one line");
    }
}
