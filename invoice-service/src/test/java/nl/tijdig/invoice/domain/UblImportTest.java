package nl.tijdig.invoice.domain;

import nl.tijdig.kernel.Betalingskenmerk;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Violation;
import org.junit.jupiter.api.Test;

class UblImportTest {

    static final CreditorProfile TENANT = new CreditorProfile("Schoonmaakbedrijf Helder B.V.",
            new Address("Stationsplein 1", "3511 ED", "Utrecht", "NL"), "87654321", "NL001234567B01",
            "NL91ABNA0417164300", null, null, OptionalInt.empty(), OptionalInt.empty(), null, null, null);

    static UblDocument.Party party(String vatId, String legalId, String scheme) {
        return new UblDocument.Party("Partij B.V.", vatId, legalId, scheme, List.of(), "Straat 1", "1234 AB", "Plaats",
                "NL", null);
    }

    static UblDocument document(UblDocument.Party seller, List<UblDocument.Line> lines,
            List<UblDocument.AllowanceCharge> allowanceCharges) {
        return new UblDocument(UblDocument.Kind.INVOICE, "F-1", "380", LocalDate.of(2026, 11, 2), null, "EUR", seller,
                party(null, "23456789", "0106"), null, null, List.of(), List.of(), true, lines, allowanceCharges,
                List.of(), null, null);
    }

    static UblDocument.Line line(String quantity, String net, String price, String base, String category, String percent,
            List<UblDocument.AllowanceCharge> allowanceCharges) {
        return new UblDocument.Line("1", "Werk", new BigDecimal(quantity), new BigDecimal(net), new BigDecimal(price),
                base == null ? null : new BigDecimal(base), category, percent == null ? null : new BigDecimal(percent),
                allowanceCharges);
    }

    @Test
    void the_seller_is_the_tenant_by_vat_id_written_any_way_or_by_kvk_number() {
        assertThat(UblImport.checkSeller(document(party("nl 0012.34.567.b01", null, null), List.of(), List.of()), TENANT))
                .isEmpty();
        assertThat(UblImport.checkSeller(document(party(null, "87654321", "0106"), List.of(), List.of()), TENANT))
                .isEmpty();
    }

    @Test
    void another_seller_is_refused_naming_both_identities() {
        List<Violation> violations = UblImport.checkSeller(
                document(party("NL999999999B01", "87654321", "0190"), List.of(), List.of()), TENANT);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo(UblImport.SELLER);
            assertThat(v.message()).contains("VAT id NL999999999B01, KvK number none")
                    .contains("VAT id NL001234567B01, KvK number 87654321");
        });
    }

    @Test
    void a_plain_line_keeps_its_quantity_and_price_and_a_document_allowance_becomes_a_negative_line() {
        UblDocument document = document(party(null, null, null),
                List.of(line("10", "850.00", "85.00", null, "S", "21", List.of())),
                List.of(new UblDocument.AllowanceCharge(false, new BigDecimal("50.00"), null, "S", new BigDecimal("21"))));

        UblImport.Lines lines = UblImport.lines(document, Money.EUR);

        assertThat(lines.violations()).isEmpty();
        assertThat(lines.lines()).containsExactly(
                new InvoiceLine("Werk", new BigDecimal("10"), Money.eur("85.00"), VatRate.STANDARD),
                new InvoiceLine("Korting", BigDecimal.ONE.negate(), Money.eur("50.00"), VatRate.STANDARD));
        assertThat(lines.sources()).containsExactly("cac:InvoiceLine[1]", "cac:AllowanceCharge[1]");
    }

    @Test
    void a_line_with_a_base_quantity_or_its_own_allowances_keeps_its_net_amount_as_one_unit() {
        UblDocument.AllowanceCharge discount = new UblDocument.AllowanceCharge(false, new BigDecimal("5.00"), "Actie",
                null, null);
        UblDocument document = document(party(null, null, null), List.of(
                line("7", "23.33", "10.00", "3", "S", "9", List.of()),
                line("2", "95.00", "50.00", null, "Z", null, List.of(discount))), List.of());

        List<InvoiceLine> lines = UblImport.lines(document, Money.EUR).lines();

        assertThat(lines).extracting(InvoiceLine::quantity).containsExactly(BigDecimal.ONE, BigDecimal.ONE);
        assertThat(lines).extracting(InvoiceLine::net).containsExactly(Money.eur("23.33"), Money.eur("95.00"));
        assertThat(lines).extracting(InvoiceLine::vat).containsExactly(VatRate.REDUCED, VatRate.ZERO);
    }

    @Test
    void a_vat_treatment_tijdig_does_not_issue_is_named_on_its_element() {
        UblDocument document = document(party(null, null, null),
                List.of(line("1", "100.00", "100.00", null, "K", "0", List.of())), List.of());

        UblImport.Lines lines = UblImport.lines(document, Money.EUR);

        assertThat(lines.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("cac:InvoiceLine[1]/cac:Item/cac:ClassifiedTaxCategory");
            assertThat(v.message()).startsWith("VAT category K at 0 %");
        });
    }

    @Test
    void a_buyer_with_a_kvk_number_is_registered_as_a_business_with_a_normalised_vat_id() {
        UblDocument document = new UblDocument(UblDocument.Kind.INVOICE, "F-1", "380", LocalDate.of(2026, 11, 2), null,
                "EUR", party(null, null, null), party("NL 1234.56.789.B01", "23456789", "0106"), null, null, List.of(),
                List.of(), true, List.of(), List.of(), List.of(), null, null);

        RegisterDebtor registration = UblImport.newDebtor(null, document);

        assertThat(registration.kind()).isEqualTo(Debtor.Kind.BUSINESS);
        assertThat(registration.kvkNumber()).isEqualTo("23456789");
        assertThat(registration.vatId()).isEqualTo("NL123456789B01");
        assertThat(registration.language()).isEqualTo("nl");
    }

    @Test
    void a_payment_id_that_is_a_betalingskenmerk_is_kept_and_free_text_is_not() {
        String kenmerk = Betalingskenmerk.of(42);
        UblDocument with = new UblDocument(UblDocument.Kind.INVOICE, "F-1", "380", LocalDate.of(2026, 11, 2), null,
                "EUR", null, null, null, null, List.of(),
                List.of(new UblDocument.PaymentMeans("58", "Factuur F-1", "NL91ABNA0417164300"),
                        new UblDocument.PaymentMeans("58", kenmerk, "NL91ABNA0417164300")),
                true, List.of(), List.of(), List.of(), null, null);

        assertThat(UblImport.paymentReference(with)).contains(kenmerk);
    }
}
