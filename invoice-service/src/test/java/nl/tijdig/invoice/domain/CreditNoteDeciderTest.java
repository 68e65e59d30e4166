package nl.tijdig.invoice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Violation;
import org.junit.jupiter.api.Test;

class CreditNoteDeciderTest {

    private final InvoiceState issued = InvoiceState.issued(Money.eur("1210.00"), Money.eur("210.00"));

    private static InvoiceLine line(String quantity, String price) {
        return new InvoiceLine("Eén schoonmaakbeurt niet uitgevoerd", new BigDecimal(quantity), Money.eur(price), VatRate.STANDARD);
    }

    @Test
    void a_partial_credit_is_computed_from_its_lines_and_lowers_what_is_left() {
        CreditNoteDecider.Credit credit = CreditNoteDecider.credit(issued, List.of(line("2", "50")), Money.EUR);

        assertThat(credit).isEqualTo(new CreditNoteDecider.Credit(Money.eur("121.00"), Money.eur("21.00")));
        InvoiceState after = issued.credit(credit.amountInclVat(), credit.vat());
        assertThat(after.principalLeft()).isEqualTo(Money.eur("1089.00"));
        assertThat(after.status()).isEqualTo("PARTIALLY_CREDITED");
    }

    @Test
    void a_full_credit_takes_what_is_left_with_the_vat_that_is_left() {
        InvoiceState partly = issued.credit(Money.eur("121.00"), Money.eur("21.00"));

        CreditNoteDecider.Credit rest = CreditNoteDecider.credit(partly, List.of(), Money.EUR);

        assertThat(rest).isEqualTo(new CreditNoteDecider.Credit(Money.eur("1089.00"), Money.eur("189.00")));
        InvoiceState after = partly.credit(rest.amountInclVat(), rest.vat());
        assertThat(after.status()).isEqualTo("CREDITED");
        assertThat(CreditNoteDecider.validate(after, List.of(), Money.EUR)).extracting(Violation::message)
                .containsExactly("is credited in full already");
    }

    @Test
    void more_than_is_left_or_a_negative_line_is_refused() {
        assertThat(CreditNoteDecider.validate(issued, List.of(line("11", "100")), Money.EUR)).extracting(Violation::field)
                .containsExactly("lines");
        assertThat(CreditNoteDecider.validate(issued, List.of(line("-1", "100")), Money.EUR)).extracting(Violation::field)
                .containsExactly("lines[0].quantity");
    }

    @Test
    void a_cancelled_invoice_cannot_be_credited_and_a_credited_one_not_cancelled() {
        assertThat(CreditNoteDecider.validate(issued.cancel(), List.of(), Money.EUR)).extracting(Violation::message)
                .containsExactly("is cancelled: there is nothing to credit");
        assertThat(issued.cancel().principalLeft()).isEqualTo(Money.eur("0"));
        assertThat(issued.cancel().status()).isEqualTo("CANCELLED");
        assertThat(CreditNoteDecider.validateCancellation(issued, Money.eur("0"))).isEmpty();
        assertThat(CreditNoteDecider.validateCancellation(issued, Money.eur("10"))).extracting(Violation::message)
                .containsExactly("has payments: credit it instead of cancelling");
        assertThat(CreditNoteDecider.validateCancellation(issued.credit(Money.eur("1"), Money.eur("0")), Money.eur("0")))
                .extracting(Violation::message).containsExactly("has credit notes: credit the rest instead of cancelling");
        assertThat(CreditNoteDecider.validateCancellation(issued.cancel(), Money.eur("0"))).extracting(Violation::message)
                .containsExactly("is cancelled already");
    }
}
