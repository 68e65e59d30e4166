package nl.tijdig.invoice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.Violation;
import org.junit.jupiter.api.Test;

class IssueInvoiceDeciderTest {

    static final LocalDate ISSUED = LocalDate.of(2026, 11, 23);
    static final Address UTRECHT = new Address("Stationsplein 1", "3511 ED", "Utrecht", "NL");
    static final CreditorProfile PROFILE = new CreditorProfile("Schoonmaakbedrijf Helder B.V.", UTRECHT, "87654321",
            "NL001234567B01", "NL91ABNA0417164300", "ABNANL2A", "debiteuren@helder.nl", OptionalInt.empty(),
            OptionalInt.empty(), null, null, null);
    static final Debtor BAKERY = new Debtor(new DebtorId(UUID.randomUUID()), Debtor.Kind.BUSINESS,
            "Bakkerij De Gouden Korst B.V.", new Address("Keizersgracht 123", "1015 CJ", "Amsterdam", "NL"), "12345678",
            null, "administratie@goudenkorst.nl", "nl", null, null, OptionalInt.empty());
    static final Debtor CONSUMER = new Debtor(new DebtorId(UUID.randomUUID()), Debtor.Kind.CONSUMER, "J. de Vries",
            new Address("Dorpsstraat 4", "1234 AB", "Ons Dorp", "NL"), null, null, "jan@devries.nl", "nl", null, null,
            OptionalInt.empty());

    static IssueInvoice command(Debtor debtor, List<InvoiceLine> lines) {
        return new IssueInvoice(new InvoiceId(UUID.randomUUID()), debtor.id(), Money.EUR, lines, ISSUED, ISSUED,
                OptionalInt.empty(), null, false, null, null);
    }

    static InvoiceLine line(String quantity, String price, VatRate vat) {
        return new InvoiceLine("Schoonmaak kantoor", new BigDecimal(quantity), Money.eur(price), vat);
    }

    @Test
    void a_complete_invoice_is_issued_with_its_amounts_number_reference_and_explicit_due_date() {
        // given a complete creditor profile, a business debtor and two lines
        IssueInvoice command = command(BAKERY, List.of(line("10", "45.50", VatRate.STANDARD), line("2", "12.10", VatRate.REDUCED)));

        // when it is validated and issued
        assertThat(IssueInvoiceDecider.validate(command, PROFILE, BAKERY)).isEmpty();
        IssuedInvoice invoice = IssueInvoiceDecider.issue(command, PROFILE, BAKERY, "2026-000042", "5000056789012345");

        // then it has the computed totals, the B2B default term of 30 days and an explicit due date
        assertThat(invoice.amounts().totalExclVat()).isEqualTo(Money.eur("479.20"));
        assertThat(invoice.amounts().vatTotal()).isEqualTo(Money.eur("97.73")); // 455.00 × 21 % + 24.20 × 9 %
        assertThat(invoice.amounts().totalInclVat()).isEqualTo(Money.eur("576.93"));
        assertThat(invoice.termDays()).isEqualTo(30);
        assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2026, 12, 23));
        assertThat(invoice.number()).isEqualTo("2026-000042");
        assertThat(invoice.paymentReference()).isEqualTo("5000056789012345");
        assertThat(invoice.debtor().segment()).isEqualTo(Segment.B2B);
    }

    @Test
    void a_consumer_gets_14_days_unless_the_creditor_or_debtor_says_otherwise() {
        IssuedInvoice invoice = IssueInvoiceDecider.issue(command(CONSUMER, List.of(line("1", "100", VatRate.STANDARD))),
                PROFILE, CONSUMER, "2026-000043", "5000056789012345");
        assertThat(invoice.dueDate()).isEqualTo(ISSUED.plusDays(14));

        CreditorProfile sevenDays = new CreditorProfile(PROFILE.name(), PROFILE.address(), PROFILE.kvkNumber(),
                PROFILE.vatId(), PROFILE.iban(), PROFILE.bic(), PROFILE.senderEmail(), OptionalInt.empty(), OptionalInt.of(7),
                null, null, null);
        assertThat(IssueInvoiceDecider.issue(command(CONSUMER, List.of(line("1", "100", VatRate.STANDARD))), sevenDays,
                CONSUMER, "2026-000044", "5000056789012345").termDays()).isEqualTo(7);
    }

    @Test
    void an_incomplete_creditor_profile_is_named_field_by_field() {
        CreditorProfile incomplete = new CreditorProfile("Helder", new Address("Stationsplein 1", null, "Utrecht", "NL"),
                "8765432", "NL0012345B01", "", null, null, null, null, null, null, null);

        assertThat(IssueInvoiceDecider.validate(command(BAKERY, List.of(line("1", "10", VatRate.STANDARD))), incomplete, BAKERY))
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("creditorProfile.address.postalCode", "creditorProfile.kvkNumber",
                        "creditorProfile.vatId", "creditorProfile.iban");
        assertThat(IssueInvoiceDecider.validate(command(BAKERY, List.of(line("1", "10", VatRate.STANDARD))), null, BAKERY))
                .extracting(Violation::field).containsExactly("creditorProfile");
    }

    @Test
    void a_profile_to_save_names_its_own_fields_and_refuses_a_long_default_b2b_term() {
        CreditorProfile bad = new CreditorProfile(PROFILE.name(), PROFILE.address(), PROFILE.kvkNumber(), PROFILE.vatId(),
                PROFILE.iban(), null, null, OptionalInt.of(90), OptionalInt.of(14), "http://helder.nl/logo.png", null, "20 26");
        assertThat(bad.validate()).extracting(Violation::field)
                .containsExactlyInAnyOrder("b2bTermDays", "logoUrl", "invoiceSeries");
        assertThat(PROFILE.validate()).isEmpty();
    }

    @Test
    void a_creditor_iban_with_a_wrong_check_digit_is_refused() {
        CreditorProfile typo = new CreditorProfile(PROFILE.name(), PROFILE.address(), PROFILE.kvkNumber(), PROFILE.vatId(),
                "NL91ABNA0417164301", null, "debiteuren@helder", OptionalInt.empty(), OptionalInt.empty(), null, null, null);
        assertThat(IssueInvoiceDecider.validate(command(BAKERY, List.of(line("1", "10", VatRate.STANDARD))), typo, BAKERY))
                .extracting(Violation::field).containsExactlyInAnyOrder("creditorProfile.iban", "creditorProfile.senderEmail");
    }

    @Test
    void an_unknown_debtor_or_one_without_an_address_is_refused() {
        assertThat(IssueInvoiceDecider.validate(command(BAKERY, List.of(line("1", "10", VatRate.STANDARD))), PROFILE, null))
                .extracting(Violation::field).containsExactly("debtorId");
        Debtor noAddress = new Debtor(BAKERY.id(), Debtor.Kind.BUSINESS, "Bakkerij", null, null, null, null, "nl", null,
                null, OptionalInt.empty());
        assertThat(IssueInvoiceDecider.validate(command(noAddress, List.of(line("1", "10", VatRate.STANDARD))), PROFILE, noAddress))
                .extracting(Violation::field).containsExactly("debtor.address");
    }

    @Test
    void reverse_charge_needs_the_buyers_vat_id() {
        IssueInvoice reverse = command(BAKERY, List.of(line("1", "1000", VatRate.REVERSE_CHARGE)));
        assertThat(IssueInvoiceDecider.validate(reverse, PROFILE, BAKERY)).extracting(Violation::field)
                .containsExactly("debtor.vatId");

        Debtor withVatId = new Debtor(BAKERY.id(), BAKERY.kind(), BAKERY.name(), BAKERY.address(), BAKERY.kvkNumber(),
                "NL123456789B01", BAKERY.email(), "nl", null, null, OptionalInt.empty());
        assertThat(IssueInvoiceDecider.validate(reverse, PROFILE, withVatId)).isEmpty();
    }

    @Test
    void lines_without_description_with_zero_quantity_or_another_currency_are_named_by_index() {
        IssueInvoice bad = command(BAKERY, List.of(line("1", "10", VatRate.STANDARD),
                new InvoiceLine(" ", BigDecimal.ZERO, Money.of("5", "USD"), VatRate.STANDARD)));
        assertThat(IssueInvoiceDecider.validate(bad, PROFILE, BAKERY)).extracting(Violation::field)
                .containsExactlyInAnyOrder("lines[1].description", "lines[1].quantity", "lines[1].unitPrice");
        assertThat(IssueInvoiceDecider.validate(command(BAKERY, List.of()), PROFILE, BAKERY)).extracting(Violation::field)
                .containsExactly("lines");
    }

    @Test
    void a_b2b_term_over_60_days_needs_an_agreement_and_a_due_date_before_the_issue_date_is_refused() {
        IssueInvoice ninety = new IssueInvoice(new InvoiceId(UUID.randomUUID()), BAKERY.id(), Money.EUR,
                List.of(line("1", "10", VatRate.STANDARD)), ISSUED, ISSUED, OptionalInt.of(90), null, false, null, null);
        assertThat(IssueInvoiceDecider.validate(ninety, PROFILE, BAKERY)).extracting(Violation::field).containsExactly("termDays");
        IssueInvoice agreed = new IssueInvoice(ninety.invoiceId(), BAKERY.id(), Money.EUR, ninety.lines(), ISSUED, ISSUED,
                OptionalInt.of(90), null, true, null, null);
        assertThat(IssueInvoiceDecider.validate(agreed, PROFILE, BAKERY)).isEmpty();

        IssueInvoice backdated = new IssueInvoice(ninety.invoiceId(), BAKERY.id(), Money.EUR, ninety.lines(), ISSUED, ISSUED,
                OptionalInt.empty(), ISSUED.minusDays(1), false, null, null);
        assertThat(IssueInvoiceDecider.validate(backdated, PROFILE, BAKERY)).extracting(Violation::message)
                .containsExactly("must not be before the issue date");
        IssueInvoice both = new IssueInvoice(ninety.invoiceId(), BAKERY.id(), Money.EUR, ninety.lines(), ISSUED, ISSUED,
                OptionalInt.of(10), ISSUED.plusDays(10), false, null, null);
        assertThat(IssueInvoiceDecider.validate(both, PROFILE, BAKERY)).extracting(Violation::field).containsExactly("dueDate");
    }

    @Test
    void an_explicit_due_date_sets_the_term() {
        IssueInvoice explicit = new IssueInvoice(new InvoiceId(UUID.randomUUID()), BAKERY.id(), Money.EUR,
                List.of(line("1", "10", VatRate.STANDARD)), ISSUED, ISSUED, OptionalInt.empty(), LocalDate.of(2027, 1, 15),
                false, null, null);
        IssuedInvoice invoice = IssueInvoiceDecider.issue(explicit, PROFILE, BAKERY, "2026-000045", "5000056789012345");
        assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(invoice.termDays()).isEqualTo(53);
    }

    @Test
    void an_early_payment_discount_must_be_a_sensible_percentage_within_days() {
        IssueInvoice discounted = new IssueInvoice(new InvoiceId(UUID.randomUUID()), BAKERY.id(), Money.EUR,
                List.of(line("1", "10", VatRate.STANDARD)), ISSUED, ISSUED, OptionalInt.empty(), null, false,
                new IssueInvoice.EarlyPaymentDiscount(new BigDecimal("100"), 0), null);
        assertThat(IssueInvoiceDecider.validate(discounted, PROFILE, BAKERY)).extracting(Violation::field)
                .containsExactlyInAnyOrder("discount.percent", "discount.withinDays");
    }

    @Test
    void issuing_an_invalid_command_or_with_a_bad_reference_is_a_programming_error() {
        assertThatThrownBy(() -> IssueInvoiceDecider.issue(command(BAKERY, List.of()), PROFILE, BAKERY, "2026-1", "5000056789012345"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lines");
        assertThatThrownBy(() -> IssueInvoiceDecider.issue(command(BAKERY, List.of(line("1", "10", VatRate.STANDARD))), PROFILE,
                BAKERY, "2026-1", "5000056789012346")).hasMessageContaining("betalingskenmerk");
    }
}
