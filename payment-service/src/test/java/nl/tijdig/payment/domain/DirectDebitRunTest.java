package nl.tijdig.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Violation;
import org.junit.jupiter.api.Test;

class DirectDebitRunTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final LocalDate COLLECTION = LocalDate.of(2026, 11, 25);
    static final DebtorId BAKERY = new DebtorId(UUID.randomUUID());
    static final DebtorId FLORIST = new DebtorId(UUID.randomUUID());
    static final Mandate NEW_RECURRING = new Mandate("MND-BAKERY-1", Mandate.Scheme.CORE, Mandate.Type.RECURRING,
            "NL44RABO0123456789", null, LocalDate.of(2026, 1, 5), false);
    static final Mandate ONE_OFF = new Mandate("MND-FLORIST-1", Mandate.Scheme.B2B, Mandate.Type.ONE_OFF,
            "NL91ABNA0417164300", "ABNANL2A", LocalDate.of(2026, 3, 1), false);

    static DirectDebitRun.Due due(String number, DebtorId debtor, String open, LocalDate dueDate, Mandate mandate) {
        return new DirectDebitRun.Due(new InvoiceId(UUID.randomUUID()), number, "1234567890123456", debtor,
                "Bakkerij", Money.eur(open), dueDate, mandate);
    }

    @Test
    void a_new_recurring_mandate_is_first_then_recurring_oldest_invoice_first() {
        // given two due invoices of a debtor whose recurring mandate was never used
        var later = due("2026-0102", BAKERY, "50.00", LocalDate.of(2026, 11, 20), NEW_RECURRING);
        var older = due("2026-0101", BAKERY, "121.00", LocalDate.of(2026, 11, 1), NEW_RECURRING);

        // when the run is planned
        List<DirectDebitRun.Collection> plan = DirectDebitRun.plan(COLLECTION, List.of(later, older));

        // then the oldest is FRST, the next RCUR, each for what is open, with the invoice in the remittance
        assertThat(plan).extracting(DirectDebitRun.Collection::invoiceId).containsExactly(older.invoiceId(), later.invoiceId());
        assertThat(plan).extracting(DirectDebitRun.Collection::sequence)
                .containsExactly(Mandate.SequenceType.FRST, Mandate.SequenceType.RCUR);
        assertThat(plan.get(0).amount()).isEqualTo(Money.eur("121.00"));
        assertThat(plan.get(0).remittance()).isEqualTo("Factuur 2026-0101 kenmerk 1234567890123456");
    }

    @Test
    void a_used_recurring_mandate_is_recurring_and_a_one_off_collects_one_invoice() {
        Mandate used = new Mandate("MND-BAKERY-1", Mandate.Scheme.CORE, Mandate.Type.RECURRING, "NL44RABO0123456789",
                null, LocalDate.of(2026, 1, 5), true);
        var bakery = due("2026-0101", BAKERY, "10.00", LocalDate.of(2026, 11, 1), used);
        var florist1 = due("2026-0201", FLORIST, "20.00", LocalDate.of(2026, 11, 2), ONE_OFF);
        var florist2 = due("2026-0202", FLORIST, "30.00", LocalDate.of(2026, 11, 3), ONE_OFF);

        List<DirectDebitRun.Collection> plan = DirectDebitRun.plan(COLLECTION, List.of(bakery, florist1, florist2));

        assertThat(plan).extracting(c -> c.invoiceId() + ":" + c.sequence()).containsExactly(
                bakery.invoiceId() + ":RCUR", florist1.invoiceId() + ":OOFF");
    }

    @Test
    void not_yet_due_paid_foreign_currency_used_one_off_and_no_mandate_are_left_out() {
        Mandate usedOneOff = new Mandate("MND-X", Mandate.Scheme.CORE, Mandate.Type.ONE_OFF, "NL44RABO0123456789",
                null, LocalDate.of(2026, 1, 5), true);
        var notDue = due("A", BAKERY, "10.00", LocalDate.of(2026, 12, 1), NEW_RECURRING);
        var paid = due("B", BAKERY, "0.00", LocalDate.of(2026, 11, 1), NEW_RECURRING);
        var dollars = new DirectDebitRun.Due(new InvoiceId(UUID.randomUUID()), "C", null, BAKERY, "Bakkerij",
                Money.of(new java.math.BigDecimal("10.00"), Money.currency("USD")), LocalDate.of(2026, 11, 1), NEW_RECURRING);
        var spent = due("D", FLORIST, "10.00", LocalDate.of(2026, 11, 1), usedOneOff);
        var none = due("E", FLORIST, "10.00", LocalDate.of(2026, 11, 1), null);

        assertThat(DirectDebitRun.plan(COLLECTION, List.of(notDue, paid, dollars, spent, none))).isEmpty();
    }

    @Test
    void the_collection_date_is_a_target_business_day_after_today() {
        assertThat(DirectDebitRun.checkDate(COLLECTION, TODAY)).isEmpty();
        assertThat(DirectDebitRun.checkDate(TODAY, TODAY)).map(Violation::field).contains("collectionDate");
        assertThat(DirectDebitRun.checkDate(LocalDate.of(2026, 11, 28), TODAY)).isPresent(); // Saturday
        assertThat(DirectDebitRun.checkDate(LocalDate.of(2026, 12, 25), TODAY)).isPresent(); // Christmas
        assertThat(DirectDebitRun.checkDate(LocalDate.of(2027, 3, 26), TODAY)).isPresent(); // Good Friday 2027
        assertThat(DirectDebitRun.checkDate(LocalDate.of(2027, 3, 29), TODAY)).isPresent(); // Easter Monday 2027
        assertThat(DirectDebitRun.checkDate(LocalDate.of(2027, 3, 30), TODAY)).isEmpty();
        assertThat(DirectDebitRun.checkDate(null, TODAY)).isPresent();
    }

    @Test
    void mandates_are_checked_field_by_field() {
        assertThat(Mandate.violations("MND-1", "CORE", "RECURRING", true, "RABONL2U", LocalDate.of(2026, 1, 1), TODAY))
                .isEmpty();
        assertThat(Mandate.violations("/bad//ref", "SEPA", "MONTHLY", false, "rabo", TODAY.plusDays(1), TODAY))
                .extracting(Violation::field).containsExactly("mandateId", "scheme", "type", "iban", "bic", "signedOn");
        assertThat(Mandate.violations(null, null, null, true, null, null, TODAY)).extracting(Violation::field)
                .containsExactly("mandateId", "scheme", "signedOn");
    }

    @Test
    void creditor_identifiers_carry_mod_97_check_digits() {
        assertThat(SepaCreditorId.isValid("DE98ZZZ09999999999")).isTrue(); // the Bundesbank's test identifier
        assertThat(SepaCreditorId.isValid(SepaCreditorId.normal("nl 24 zzz 302049230000"))).isTrue();
        assertThat(SepaCreditorId.isValid("NL25ZZZ302049230000")).isFalse();
        assertThat(SepaCreditorId.isValid("NL36")).isFalse();
    }
}
