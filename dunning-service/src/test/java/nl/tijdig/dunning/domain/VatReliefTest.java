package nl.tijdig.dunning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nl.tijdig.kernel.Money;
import org.junit.jupiter.api.Test;

class VatReliefTest {

    @Test
    void eligible_one_year_after_the_due_date_and_a_leap_day_claim_on_28_february() {
        assertThat(VatRelief.eligibleOn(LocalDate.of(2026, 10, 1))).isEqualTo(LocalDate.of(2027, 10, 1));
        assertThat(VatRelief.eligibleOn(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2029, 2, 28));
        // the scheduler on 28 February 2029 takes claims due up to 29 February 2028; on 1 March none more
        assertThat(VatRelief.dueOnOrBefore(LocalDate.of(2029, 2, 28))).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(VatRelief.dueOnOrBefore(LocalDate.of(2029, 3, 1))).isEqualTo(LocalDate.of(2028, 3, 1));
        assertThat(VatRelief.dueOnOrBefore(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(VatRelief.dueOnOrBefore(LocalDate.of(2027, 6, 30))).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void the_vat_part_is_the_invoices_vat_share() {
        assertThat(VatRelief.vatPart(Money.eur("589.00"), Money.eur("210.00"), Money.eur("1210.00")))
                .isEqualTo(Money.eur("102.22"));
        assertThat(VatRelief.vatPart(Money.eur("100.00"), Money.eur("0.00"), Money.eur("100.00"))).isEqualTo(Money.eur("0.00"));
    }

    @Test
    void a_payment_after_relief_owes_its_vat_part_again_never_more_than_was_relieved() {
        // given an invoice of 121.00 (21.00 VAT), all open, whose 21.00 VAT was relieved
        LocalDate today = LocalDate.of(2026, 12, 7);
        Money total = Money.eur("121.00");

        // when 60.50 is paid, then 10.50 of VAT is owed again; a credit note owes none
        assertThat(VatRelief.reversals(java.util.List.of(new DunningCase.OpenUpdated(Money.eur("60.50"), null, true),
                new DunningCase.OpenUpdated(Money.eur("50.00"), today, false)), total, Money.eur("21.00"), total,
                Money.eur("21.00"), today))
                .containsExactly(new VatRelief.Reversal(today, Money.eur("60.50"), Money.eur("10.50")));
        // and when only 5.00 of VAT was relieved, a full payment owes 5.00 again, not 21.00
        assertThat(VatRelief.reversals(java.util.List.of(new DunningCase.OpenUpdated(Money.eur("0.00"), today, true)), total,
                Money.eur("21.00"), total, Money.eur("5.00"), today)).singleElement()
                .satisfies(r -> assertThat(r.vat()).isEqualTo(Money.eur("5.00")));
        // and nothing relieved, nothing owed again
        assertThat(VatRelief.reversals(java.util.List.of(new DunningCase.OpenUpdated(Money.eur("0.00"), today, true)), total,
                Money.eur("21.00"), total, Money.eur("0.00"), today)).isEmpty();
    }
}
