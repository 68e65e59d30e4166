package nl.tijdig.dunning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;
import org.junit.jupiter.api.Test;

/**
 * Art. 6:44 lid 1 BW as the claim applies it: a payment pays the costs owed, then the interest, then the principal.
 * The collection costs are owed from the day after the final notice's term (art. 6:96 lid 6 BW); interest from the
 * default (art. 6:119a for businesses). The payment-service applies each payment to the principal alone; the claim
 * reckons the parts, and its total is the same.
 */
class ClaimSettlementInProductionTest {

    static final LocalDate DUE = LocalDate.of(2024, 12, 31); // interest from 2025-01-01 at 11.15 % (6:119a)
    static final LocalDate COSTS_FROM = LocalDate.of(2025, 3, 1);

    /** The invoice of €1,000 as the scheduler lists it after one payment of €200 on {@code paidOn}. */
    static Letter.Invoice afterPayment(LocalDate paidOn) {
        var payment = new DunningCase.Movement(paidOn, Money.eur("1000.00"), Money.eur("800.00"), true, UUID.randomUUID());
        return new Letter.Invoice(new InvoiceId(UUID.randomUUID()), "C-1", DUE.minusDays(30), DUE, Money.eur("1000.00"),
                Money.eur("800.00"), null, null, List.of(payment), Money.eur("150.00"), COSTS_FROM);
    }

    @Test
    void after_the_term_a_payment_pays_the_costs_then_the_interest_then_the_principal() {
        // given €200 paid on 2025-03-10, after the costs of €150 became owed; interest then: 69 days × 11.15 % = 21.08
        Letter.Claimed claimed = Letter.reckon(Segment.B2B, afterPayment(LocalDate.of(2025, 3, 10)), LocalDate.of(2025, 3, 10),
                InterestRates.SEEDED);

        // then €150 went to the costs, €21.08 to the interest and €28.92 to the principal
        assertThat(claimed.costsOwed()).isEqualTo(Money.eur("0.00"));
        assertThat(claimed.interestOwed()).isEqualTo(Money.eur("0.00"));
        assertThat(claimed.principal()).isEqualTo(Money.eur("971.08"));
        // the same total as the payment-service's open principal plus all interest and the costs, less the payment
        assertThat(claimed.total()).isEqualTo(Money.eur("800.00").plus(Money.eur("21.08")).plus(Money.eur("150.00")));
    }

    @Test
    void before_the_term_no_costs_are_owed_and_a_payment_pays_the_interest_then_the_principal() {
        // given €200 paid on 2025-02-20 (interest then: 51 days = 15.58), the costs owed from 2025-03-01
        Letter.Claimed claimed = Letter.reckon(Segment.B2B, afterPayment(LocalDate.of(2025, 2, 20)), LocalDate.of(2025, 3, 10),
                InterestRates.SEEDED);

        // then the payment paid €15.58 interest and €184.42 principal; on 2025-03-10 the costs are owed in full and
        // 18 more days of interest ran on €815.58 (4.48)
        assertThat(claimed.principal()).isEqualTo(Money.eur("815.58"));
        assertThat(claimed.interestOwed()).isEqualTo(Money.eur("4.48"));
        assertThat(claimed.costsOwed()).isEqualTo(Money.eur("150.00"));
        assertThat(claimed.total()).isEqualTo(Money.eur("970.06"));
        // and the day before the term ended, no costs at all
        assertThat(Letter.reckon(Segment.B2B, afterPayment(LocalDate.of(2025, 2, 20)), COSTS_FROM.minusDays(1),
                InterestRates.SEEDED).costsOwed()).isEqualTo(Money.eur("0.00"));
    }

    @Test
    void the_hand_over_claims_the_parts_that_are_open() {
        // given the payment after the term: the escalation's claim
        Letter claim = Letter.claim(Segment.B2B, List.of(afterPayment(LocalDate.of(2025, 3, 10))), LocalDate.of(2025, 3, 10),
                InterestRates.SEEDED, java.math.BigDecimal.ZERO);
        // then it claims the principal as the claim reckons it, no costs (paid) and no interest (paid)
        assertThat(claim.totalOpen()).isEqualTo(Money.eur("971.08"));
        assertThat(claim.collectionCosts()).isEqualTo(Money.eur("0.00"));
        assertThat(claim.interest()).isEqualTo(Money.eur("0.00"));
        assertThat(claim.invoices()).singleElement().satisfies(i -> assertThat(i.open()).isEqualTo(Money.eur("971.08")));
    }

    @Test
    void a_letter_lists_each_invoice_with_the_claims_principal_so_its_table_adds_up_to_the_one_amount_it_asks() {
        // given a reminder over an invoice of which €30 paid interest (issue #24's example)
        var payment = new DunningCase.Movement(LocalDate.of(2024, 6, 30), Money.eur("1000.00"), Money.eur("970.00"), true,
                UUID.randomUUID());
        Letter.Invoice invoice = new Letter.Invoice(new InvoiceId(UUID.randomUUID()), "C-2", LocalDate.of(2023, 12, 1),
                LocalDate.of(2023, 12, 31), Money.eur("1000.00"), Money.eur("970.00"), null, null, List.of(payment));
        Letter letter = Letter.of(DunningPolicy.defaults(Segment.B2B).steps().get(1), 2, Segment.B2B, List.of(invoice),
                LocalDate.of(2025, 12, 31), InterestRates.SEEDED, java.math.BigDecimal.ZERO);

        // then the principal is €1,000 (the €30 paid interest), the interest owed €210.55, and the amount to pay
        // their sum: the €970 open plus all €240.55 of interest
        assertThat(letter.invoices()).singleElement().satisfies(i -> assertThat(i.open()).isEqualTo(Money.eur("1000.00")));
        assertThat(letter.interest()).isEqualTo(Money.eur("210.55"));
        assertThat(letter.totalDue()).isEqualTo(Money.eur("1210.55"))
                .isEqualTo(Money.eur("970.00").plus(Money.eur("240.55")));
    }
}
