package nl.tijdig.invoice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.tijdig.kernel.Betalingskenmerk;
import nl.tijdig.invoice.domain.UblImport;
import nl.tijdig.invoice.domain.UblRules;
import nl.tijdig.invoice.ubl.UblFixtures;
import nl.tijdig.invoice.ubl.UblReader;
import nl.tijdig.invoice.ubl.UblSchema;
import nl.tijdig.testing.kafka.TopicProbe;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "invoice"))
class UblApiTest {

    static final String IMPORTER = "0193a6f2-0000-7000-8000-0000000000e1";
    static final String CREDITOR = "0193a6f2-0000-7000-8000-0000000000e2";
    static final String STRICT = "0193a6f2-0000-7000-8000-0000000000e3";
    static final String SAMPLES = "0193a6f2-0000-7000-8000-0000000000e4";
    static final String EXPORTER = "0193a6f2-0000-7000-8000-0000000000e5";
    static final String OTHER = "0193a6f2-0000-7000-8000-0000000000e6";
    static final String NO_PROFILE = "0193a6f2-0000-7000-8000-0000000000e7";

    static final String INVOICE = UblFixtures.text("helder-invoice.xml");
    static final String CREDIT_NOTE = UblFixtures.text("helder-credit-note.xml");

    static Response post(String xml) {
        return given().contentType(ContentType.XML).body(xml.getBytes(StandardCharsets.UTF_8)).when()
                .post("/invoices/ubl");
    }

    static void profile() {
        given().contentType(ContentType.JSON).body(CreditorProfileApiTest.PROFILE).when().put("/creditor-profile")
                .then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = IMPORTER))
    void the_tenants_own_invoice_is_issued_with_its_own_number_and_buyer_and_published() {
        // given the tenant's profile (the seller of the document)
        profile();

        // when its UBL invoice is imported
        String id = post(INVOICE).then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("invoiceNumber", is("H-2026-0042"))
                .body("issueDate", is("2026-11-02"))
                .body("dueDate", is("2026-12-02"))
                .body("deliveryDate", is("2026-10-31"))
                .body("purchaseOrder", is("PO-77"))
                .body("totalExclVat.amount", is("825.00"))
                .body("vatTotal.amount", is("170.25"))
                .body("totalInclVat.amount", is("995.25"))
                .body("lines", hasSize(3)) // two lines and the document allowance
                .body("lines[2].description", is("Vaste-klantkorting"))
                .body("lines[2].lineTotal.amount", is("-50.00"))
                .extract().path("invoiceId");

        // then its buyer is registered as a business debtor, found by the normalised VAT id and KvK number
        String debtor = given().when().get("/invoices/" + id).then().statusCode(200)
                .body("status", is("ISSUED")).extract().path("debtor.debtorId");
        String reference = given().when().get("/invoices/" + id).then().extract().path("paymentReference");
        assertThat(Betalingskenmerk.isValid(reference)).as("a betalingskenmerk of our own").isTrue();
        given().when().get("/debtors/" + debtor).then().statusCode(200)
                .body("name", is("Drukkerij Van Dam B.V."))
                .body("kvkNumber", is("23456789"))
                .body("vatId", is("NL123456789B01"))
                .body("email", is("crediteuren@drukkerijvandam.nl"))
                .body("segment", is("B2B"));

        // and InvoiceIssued is on the topic
        TopicProbe.first(KafkaResource.broker().bootstrapServers(), "tijdig.invoice.v1", r -> id.equals(r.key()),
                Duration.ofSeconds(60));

        // when the same document comes again, then it is a conflict naming the number, and nothing is issued
        post(INVOICE).then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", is("cbc:ID"));
        given().when().get("/invoices").then().body("invoices", hasSize(1));

        // when the next invoice to the same buyer comes, then it is the same debtor
        post(INVOICE.replace("<cbc:ID>H-2026-0042</cbc:ID>", "<cbc:ID>H-2026-0043</cbc:ID>")).then().statusCode(201)
                .body("debtor.debtorId", is(debtor));
    }

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = CREDITOR))
    void a_credit_note_credits_the_invoice_it_names_once() {
        // given an imported invoice
        profile();
        String id = post(INVOICE).then().statusCode(201).extract().path("invoiceId");

        // when its credit note is imported
        post(CREDIT_NOTE).then().statusCode(201)
                .body("creditNoteNumber", is("HC-2026-0007"))
                .body("amountInclVat.amount", is("205.70"))
                .body("vatAmount.amount", is("35.70"))
                .body("creditDate", is("2026-11-10"));

        // then the invoice shows it, and the same credit note again credits nothing more
        given().when().get("/invoices/" + id).then().body("credited.amount", is("205.70"))
                .body("principalLeft.amount", is("789.55")).body("status", is("PARTIALLY_CREDITED"));
        post(CREDIT_NOTE).then().statusCode(409).body("errors[0].field", is("creditNoteNumber"));
        given().when().get("/invoices/" + id).then().body("credited.amount", is("205.70"));

        // and a credit note on an invoice the tenant does not have is refused naming the reference
        post(CREDIT_NOTE.replace("<cbc:ID>H-2026-0042</cbc:ID>", "<cbc:ID>H-1999-0001</cbc:ID>")
                .replace("HC-2026-0007", "HC-2026-0008")).then().statusCode(422)
                .body("errors[0].field", is("cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"))
                .body("errors[0].message", is("this tenant has no invoice H-1999-0001 to credit"));
    }

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = STRICT))
    void a_document_that_is_invalid_or_not_the_tenants_is_refused_precisely_and_changes_nothing() {
        profile();

        // schema: 400 with line and column
        post(INVOICE.replace("<cbc:IssueDate>2026-11-02</cbc:IssueDate>", "<cbc:IssueDate>gisteren</cbc:IssueDate>"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("https://tijdig.nl/problems/invalid-document"))
                .body("errors[0].field", startsWith("line 10, column"));

        // a business rule: 422 naming the element and the rule
        post(INVOICE.replace("<cbc:TaxAmount currencyID=\"EUR\">170.25</cbc:TaxAmount>",
                "<cbc:TaxAmount currencyID=\"EUR\">171.25</cbc:TaxAmount>")).then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("cac:TaxTotal/cbc:TaxAmount"))
                .body("errors.message", org.hamcrest.Matchers.hasItem(startsWith("BR-CO-14:")));

        // a seller other than the tenant
        post(INVOICE.replace("NL001234567B01", "NL999999999B01").replace(">87654321<", ">11223344<"))
                .then().statusCode(422)
                .body("errors[0].field", is(UblImport.SELLER))
                .body("errors[0].message", startsWith("the seller (VAT id NL999999999B01, KvK number 11223344)"));

        // a VAT rate that is not Dutch
        post(INVOICE.replace("<cbc:Percent>9</cbc:Percent>", "<cbc:Percent>7</cbc:Percent>").replace(">2.25<", ">1.75<")
                .replace(">170.25<", ">169.75<").replace(">995.25<", ">994.75<")).then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("cac:InvoiceLine[2]/cac:Item/cac:ClassifiedTaxCategory"));

        // a B2B term over 60 days not agreed (art. 6:119a BW)
        post(INVOICE.replace("<cbc:DueDate>2026-12-02</cbc:DueDate>", "<cbc:DueDate>2027-02-02</cbc:DueDate>"))
                .then().statusCode(422).body("errors[0].field", is("cbc:DueDate"));

        // then nothing was issued
        given().when().get("/invoices").then().body("invoices", hasSize(0));
    }

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = NO_PROFILE))
    void without_a_creditor_profile_nothing_can_be_imported() {
        post(INVOICE).then().statusCode(422).body("errors[0].field", is("creditorProfile"));
    }

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = SAMPLES))
    void each_real_sample_is_imported_or_refused_with_a_precise_reason() {
        profile();
        for (Path file : UblFixtures.realSamples()) {
            Response response = post(new String(UblFixtures.bytes(file), StandardCharsets.UTF_8));
            String name = file.getFileName().toString();
            assertThat(response.statusCode()).as(name).isIn(201, 422);
            if (response.statusCode() == 422) {
                List<Map<String, String>> errors = response.path("errors");
                assertThat(errors).as(name).isNotEmpty().allSatisfy(error -> {
                    assertThat(error.get("field")).isNotBlank();
                    assertThat(error.get("message")).isNotBlank();
                });
                // each names the UBL element it is about
                assertThat(errors).as(name).allSatisfy(error -> assertThat(error.get("field")).matches("^(cac|cbc):.*"));
            }
            if (name.equals("nlcius_SI-UBL-2.0_ok_minimal.xml")) {
                // a Dutch sample with fake identifiers: its seller is not this tenant
                assertThat(response.statusCode()).isEqualTo(422);
                assertThat((String) response.path("errors[0].field")).isEqualTo(UblImport.SELLER);
            }
        }
        for (Path file : UblFixtures.realInvalidSamples()) {
            String name = file.getFileName().toString();
            Response response = post(new String(UblFixtures.bytes(file), StandardCharsets.UTF_8));
            String rule = name.contains("BR-NL-11") ? "BR-NL-11" : name.contains("BR-S-08") ? "BR-S-08" : null;
            if (rule != null) {
                assertThat(response.statusCode()).as(name).isEqualTo(422);
                List<String> messages = response.path("errors.message");
                assertThat(messages).as(name).anyMatch(m -> m.startsWith(rule + ":"));
            } else {
                assertThat(response.statusCode()).as(name).isEqualTo(400); // the schema refuses it first
                assertThat((String) response.path("errors[0].field")).startsWith("line 64,");
            }
        }
        given().when().get("/invoices").then().body("invoices", hasSize(0));
    }

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = EXPORTER))
    void an_issued_invoice_is_exported_as_valid_ubl_and_coming_back_it_is_known() {
        // given an invoice issued through the API
        String id = InvoiceApiFixtures.issueInvoice();

        // when it is exported
        Response response = given().accept("application/xml").when().get("/invoices/" + id + "/ubl");

        // then it is UBL the OASIS schema accepts and that breaks no business rule
        response.then().statusCode(200).contentType("application/xml")
                .header("Content-Disposition", startsWith("attachment; filename=\"invoice-"));
        byte[] xml = response.asByteArray();
        assertThat(UblSchema.validate(xml)).isEmpty();
        assertThat(UblRules.check(((UblReader.Read) UblReader.read(xml)).document())).isEmpty();
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<cbc:PayableAmount currencyID=\"EUR\">1097.14<");

        // and imported again it is a number the tenant issued already
        given().contentType(ContentType.XML).body(xml).when().post("/invoices/ubl").then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = OTHER))
    void another_tenants_invoice_cannot_be_exported() {
        String theirs = given().when().get("/invoices/00000000-0000-7000-8000-000000000001/ubl").then()
                .extract().statusLine();
        assertThat(theirs).contains("404");
        // the exporter's invoices are not visible here either
        given().when().get("/invoices").then().body("invoices", hasSize(0));
    }
}
