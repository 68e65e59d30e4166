package nl.tijdig.invoice.ubl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import nl.tijdig.invoice.domain.UblDocument;
import nl.tijdig.invoice.domain.UblRules;
import nl.tijdig.kernel.Violation;
import org.junit.jupiter.api.Test;

/** Tijdig's own UBL fixtures (written by us): read, checked, and broken on purpose. */
class UblOwnDocumentsTest {

    static String fixture(String name) {
        try (InputStream in = UblOwnDocumentsTest.class.getResourceAsStream("/ubl/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UblReader.Result read(String xml) {
        return UblReader.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    static List<Violation> rules(String xml) {
        UblReader.Result result = read(xml);
        assertThat(result).isInstanceOf(UblReader.Read.class);
        return UblRules.check(((UblReader.Read) result).document());
    }

    @Test
    void the_invoice_fixture_is_read_with_everything_tijdig_takes_from_it() {
        UblDocument document = ((UblReader.Read) read(fixture("helder-invoice.xml"))).document();

        assertThat(document.kind()).isEqualTo(UblDocument.Kind.INVOICE);
        assertThat(document.number()).isEqualTo("H-2026-0042");
        assertThat(document.issueDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(document.dueDate()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(document.deliveryDate()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(document.orderReference()).isEqualTo("PO-77");
        assertThat(document.seller().vatId()).isEqualTo("NL001234567B01");
        assertThat(document.seller().legalId()).isEqualTo("87654321");
        assertThat(document.seller().legalIdScheme()).isEqualTo("0106");
        assertThat(document.buyer().name()).isEqualTo("Drukkerij Van Dam B.V.");
        assertThat(document.buyer().email()).isEqualTo("crediteuren@drukkerijvandam.nl");
        assertThat(document.buyer().postalCode()).isEqualTo("2011 AB");
        assertThat(document.lines()).extracting(UblDocument.Line::name)
                .containsExactly("Schoonmaak drukkerij oktober", "Koffie en thee");
        assertThat(document.allowanceCharges()).singleElement()
                .satisfies(ac -> assertThat(ac.amount()).isEqualByComparingTo("50.00"));
        assertThat(document.totals().payable()).isEqualByComparingTo(new BigDecimal("995.25"));
        assertThat(document.paymentMeans()).singleElement()
                .satisfies(m -> assertThat(m.account()).isEqualTo("NL91ABNA0417164300"));
        assertThat(UblRules.check(document)).isEmpty();
    }

    @Test
    void the_credit_note_fixture_names_the_invoice_it_credits() {
        UblDocument document = ((UblReader.Read) read(fixture("helder-credit-note.xml"))).document();

        assertThat(document.kind()).isEqualTo(UblDocument.Kind.CREDIT_NOTE);
        assertThat(document.billingReferences()).containsExactly("H-2026-0042");
        assertThat(UblRules.check(document)).isEmpty();
    }

    @Test
    void totals_that_do_not_add_up_are_named_with_their_rule() {
        String xml = fixture("helder-invoice.xml")
                .replace("<cbc:LineExtensionAmount currencyID=\"EUR\">875.00</cbc:LineExtensionAmount>",
                        "<cbc:LineExtensionAmount currencyID=\"EUR\">885.00</cbc:LineExtensionAmount>");

        assertThat(rules(xml)).extracting(Violation::field).contains("cac:LegalMonetaryTotal/cbc:LineExtensionAmount",
                "cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount");
        assertThat(rules(xml)).extracting(Violation::message).anyMatch(m -> m.startsWith("BR-CO-10:"))
                .anyMatch(m -> m.startsWith("BR-CO-13:"));
    }

    @Test
    void vat_that_is_not_the_rate_of_its_taxable_amount_breaks_br_s_09() {
        String xml = fixture("helder-invoice.xml").replace("<cbc:TaxAmount currencyID=\"EUR\">2.25</cbc:TaxAmount>",
                "<cbc:TaxAmount currencyID=\"EUR\">2.52</cbc:TaxAmount>");

        assertThat(rules(xml)).extracting(Violation::message)
                .anyMatch(m -> m.startsWith("BR-S-09:") && m.contains("25.00 × 9 % is 2.25"))
                .anyMatch(m -> m.startsWith("BR-CO-14:"));
    }

    @Test
    void a_credit_transfer_without_an_account_breaks_br_61() {
        String xml = fixture("helder-invoice.xml").replaceAll(
                "(?s)<cac:PayeeFinancialAccount>.*?</cac:PayeeFinancialAccount>", "");

        assertThat(rules(xml)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("cac:PaymentMeans[1]/cac:PayeeFinancialAccount/cbc:ID");
            assertThat(v.message()).startsWith("BR-61:");
        });
    }

    @Test
    void a_dutch_seller_without_kvk_number_or_oin_breaks_br_nl_1() {
        String xml = fixture("helder-invoice.xml").replace(
                "<cbc:CompanyID schemeID=\"0106\">87654321</cbc:CompanyID>", "");

        assertThat(rules(xml)).singleElement().satisfies(v -> assertThat(v.message()).startsWith("BR-NL-1:"));
    }

    @Test
    void an_invoice_without_due_date_or_payment_terms_breaks_br_co_25() {
        String xml = fixture("helder-invoice.xml").replace("<cbc:DueDate>2026-12-02</cbc:DueDate>", "")
                .replaceAll("(?s)<cac:PaymentTerms>.*?</cac:PaymentTerms>", "");

        assertThat(rules(xml)).singleElement().satisfies(v -> assertThat(v.message()).startsWith("BR-CO-25:"));
    }

    @Test
    void a_document_the_schema_refuses_is_reported_with_line_and_column() {
        String xml = fixture("helder-invoice.xml").replace("<cbc:IssueDate>2026-11-02</cbc:IssueDate>",
                "<cbc:IssueDate>2 november 2026</cbc:IssueDate>");

        UblReader.Result result = read(xml);

        assertThat(result).isInstanceOf(UblReader.Invalid.class);
        assertThat(((UblReader.Invalid) result).problems()).first().satisfies(p -> {
            assertThat(p.line()).isEqualTo(10); // the line of cbc:IssueDate in the fixture
            assertThat(p.message()).contains("2 november 2026");
        });
    }

    @Test
    void a_document_with_a_doctype_is_refused_so_no_entity_can_read_a_file() {
        String xml = fixture("helder-invoice.xml").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE Invoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")
                .replace("<cbc:ID>PO-77</cbc:ID>", "<cbc:ID>&x;</cbc:ID>");

        UblReader.Result result = read(xml);

        assertThat(result).isInstanceOf(UblReader.Invalid.class);
        assertThat(((UblReader.Invalid) result).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("DOCTYPE").doesNotContain("root:"));
    }

    @Test
    void something_that_is_not_xml_is_refused_with_where_it_broke() {
        UblReader.Result result = read("{\"invoice\": 1}");

        assertThat(result).isInstanceOf(UblReader.Invalid.class);
        assertThat(((UblReader.Invalid) result).problems()).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(1));
    }
}
