package nl.tijdig.invoice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.OptionalInt;
import nl.tijdig.kernel.Segment;
import org.junit.jupiter.api.Test;

class PaymentTermsTest {

    private static final OptionalInt NONE = OptionalInt.empty();

    @Test
    void without_any_agreement_the_law_default_applies_per_segment() {
        assertThat(PaymentTerms.termDays(Segment.B2B, NONE, NONE, NONE)).isEqualTo(30);
        assertThat(PaymentTerms.termDays(Segment.B2C, NONE, NONE, NONE)).isEqualTo(14);
    }

    @Test
    void the_invoice_beats_the_debtor_which_beats_the_creditor_default() {
        assertThat(PaymentTerms.termDays(Segment.B2B, OptionalInt.of(7), OptionalInt.of(21), OptionalInt.of(45))).isEqualTo(7);
        assertThat(PaymentTerms.termDays(Segment.B2B, NONE, OptionalInt.of(21), OptionalInt.of(45))).isEqualTo(21);
        assertThat(PaymentTerms.termDays(Segment.B2B, NONE, NONE, OptionalInt.of(45))).isEqualTo(45);
    }

    @Test
    void a_b2b_term_over_60_days_needs_an_agreement_and_consumers_are_not_bound_by_it() {
        assertThat(PaymentTerms.refusal(Segment.B2B, 60, false)).isEmpty();
        assertThat(PaymentTerms.refusal(Segment.B2B, 61, false)).hasValueSatisfying(r -> assertThat(r).contains("agreement"));
        assertThat(PaymentTerms.refusal(Segment.B2B, 90, true)).isEmpty();
        assertThat(PaymentTerms.refusal(Segment.B2C, 90, false)).isEmpty();
        assertThat(PaymentTerms.refusal(Segment.B2C, -1, false)).hasValue("must not be negative");
    }

    @Test
    void the_due_date_is_the_issue_date_plus_the_term() {
        assertThat(PaymentTerms.dueDate(LocalDate.of(2026, 12, 15), 30)).isEqualTo(LocalDate.of(2027, 1, 14));
    }
}
