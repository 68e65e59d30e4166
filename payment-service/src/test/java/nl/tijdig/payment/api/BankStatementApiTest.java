package nl.tijdig.payment.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.PaymentReversed;
import nl.tijdig.kernel.Betalingskenmerk;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.payment.domain.Remittance;
import nl.tijdig.payment.statement.CamtVersionsTest;
import nl.tijdig.payment.statement.StatementFixtures;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "payment"))
class BankStatementApiTest {

    static final String TENANT = "0193a6f2-0000-7000-8000-0000000000c1";
    static final String MT940_TENANT = "0193a6f2-0000-7000-8000-0000000000c2";
    static final String NEW_VERSION_TENANT = "0193a6f2-0000-7000-8000-0000000000c3";
    static final Duration WAIT = Duration.ofSeconds(90);

    static String upload(String body, String contentType) {
        return given().contentType(contentType).body(body).when().post("/bank-statements").then().statusCode(202)
                .header("Location", startsWith("http")).body("status", is("IMPORTING")).extract().path("importId");
    }

    static JsonPath done(String importId) {
        await().atMost(WAIT).until(() -> !"IMPORTING".equals(given().when().get("/bank-statements/" + importId)
                .then().statusCode(200).extract().path("status")));
        return given().when().get("/bank-statements/" + importId).then().body("status", is("DONE")).extract().jsonPath();
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_statement_pays_invoices_once_and_a_later_reversal_opens_them_again() {
        // given three open invoices
        TenantId tenant = TenantId.of(TENANT);
        InvoiceIssued bakery = InvoiceEvents.issued(tenant, new DebtorId(UUID.randomUUID()), "Bakkerij De Gouden Korst B.V.",
                "NL93RABO0123456780", "S26-0001", 7001, "121.00", LocalDate.of(2026, 10, 1));
        InvoiceIssued printer = InvoiceEvents.issued(tenant, new DebtorId(UUID.randomUUID()), "Drukkerij Van Dam",
                "NL20INGB0001234567", "S26-0002", 7002, "100.00", LocalDate.of(2026, 10, 2));
        InvoiceIssued salon = InvoiceEvents.issued(tenant, new DebtorId(UUID.randomUUID()), "Kapsalon Knip",
                "NL39RABO0300065264", "S26-0003", 7003, "100.00", LocalDate.of(2026, 10, 3));
        InvoiceEvents.publish(bakery);
        InvoiceEvents.publish(printer);
        InvoiceEvents.publish(salon);
        PaymentApiTest.awaitOpen(salon.invoiceId().value().toString(), "100.00");
        String statement = StatementFixtures.text("camt053-first.xml")
                .replace("REFERENCE-1", Betalingskenmerk.of(7001)).replace("NUMBER-2", "S26-0002")
                .replace("REFERENCE-3", Betalingskenmerk.of(7003));

        // when the day's statement is uploaded
        JsonPath first = done(upload(statement, "application/xml"));

        // then its four credits became payments (three matched, one queued) and the debit was left alone
        assertThat(first.getLong("entries")).isEqualTo(5);
        assertThat(first.getLong("processed")).isEqualTo(5);
        assertThat(first.getLong("payments")).isEqualTo(4);
        assertThat(first.getLong("matched")).isEqualTo(3);
        assertThat(first.getLong("unmatched")).isEqualTo(1);
        assertThat(first.getLong("skipped")).isEqualTo(1);
        PaymentApiTest.awaitOpen(printer.invoiceId().value().toString(), "50.00");
        given().when().get("/open-items").then().body("openItems", hasSize(1));
        given().when().get("/payments?status=UNMATCHED").then().body("payments", hasSize(1))
                .body("payments[0].amount.amount", is("200.00")).body("payments[0].source", is("BANK_STATEMENT"));

        // when the same statement comes again, then nothing is recorded twice
        JsonPath again = done(upload(statement, "application/xml"));
        assertThat(again.getLong("duplicates")).isEqualTo(5);
        assertThat(again.getLong("payments")).isZero();
        given().when().get("/payments").then().body("payments", hasSize(4));

        // when the next statement reverses the salon's direct debit
        JsonPath reversal = done(upload(StatementFixtures.text("camt053-reversal.xml"), "application/xml"));

        // then the payment is reversed, PaymentReversed is published, and the invoice is open again
        assertThat(reversal.getLong("reversals")).isEqualTo(1);
        PaymentApiTest.awaitOpen(salon.invoiceId().value().toString(), "100.00");
        String reversed = given().when().get("/payments").then().extract().path(
                "payments.find { it.endToEndId == 'DD-2026-0001' }.paymentId");
        given().when().get("/payments/" + reversed).then().body("status", is("REVERSED"));
        PaymentReversed event = (PaymentReversed) ((CloudEventsKafka.Known) CloudEventsKafka.standard().decode(
                PaymentApiTest.published(reversed, "nl.tijdig.payment.PaymentReversed.v1"))).envelope().data();
        assertThat(event.reasonCode()).isEqualTo("MD06");
        assertThat(event.allocationsReversed()).singleElement()
                .satisfies(a -> assertThat(a.openPrincipalAfter().amount()).isEqualByComparingTo("100.00"));
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_malformed_statement_is_refused_whole_and_nothing_is_stored() {
        long before = given().when().get("/payments").then().extract().jsonPath().getList("payments").size();
        String broken = StatementFixtures.text("camt053-first.xml").replace("<Amt Ccy=\"EUR\">50.00</Amt>",
                "<Amt Ccy=\"EUR\">fifty</Amt>");

        given().contentType("application/xml").body(broken).when().post("/bank-statements").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", startsWith("line "))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("'fifty' is not an amount"));
        given().contentType("text/plain").body("hello").when().post("/bank-statements").then().statusCode(400)
                .body("errors[0].message", startsWith("the file is neither camt.053"));

        assertThat(given().when().get("/payments").then().extract().jsonPath().getList("payments")).hasSize((int) before);
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = MT940_TENANT))
    void an_mt940_statement_is_imported_too() {
        TenantId tenant = TenantId.of(MT940_TENANT);
        InvoiceIssued invoice = InvoiceEvents.issued(tenant, new DebtorId(UUID.randomUUID()), "R. Smith",
                "NL66RABO0160878799", "R-400", 8001, "400.00", LocalDate.of(2026, 10, 1));
        InvoiceEvents.publish(invoice);
        PaymentApiTest.awaitOpen(invoice.invoiceId().value().toString(), "400.00");
        String mt940 = """
                :940:
                :20:940S261120
                :25:NL34RABO0142623393 EUR
                :28C:0
                :60F:C261119EUR000000004433,52
                :61:261120C000000000400,00N541NONREF
                NL66RABO0160878799
                :86:/ORDP//NAME/R. SMITH/REMI/Factuur R-400/ISDT/2026-11-20
                :62F:C261120EUR000000004833,52
                """;

        JsonPath status = done(upload(mt940, "text/plain"));

        assertThat(status.getString("format")).isEqualTo("MT940");
        assertThat(status.getLong("matched")).isEqualTo(1);
        given().when().get("/open-items").then().body("openItems", hasSize(0));
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = NEW_VERSION_TENANT))
    void a_statement_of_a_newer_version_that_deviates_is_imported_showing_its_warnings_and_balances() {
        // given an open invoice S26-0042 and a camt.053.001.13 statement paying it by an RF reference made of its
        // number, with a version-5 UETR the schema does not allow, and a closing balance 10.00 higher than its entry
        TenantId tenant = TenantId.of(NEW_VERSION_TENANT);
        InvoiceIssued invoice = InvoiceEvents.issued(tenant, new DebtorId(UUID.randomUUID()), "Garage Hoekstra",
                "NL20INGB0001234567", "S26-0042", 7042, "121.00", LocalDate.of(2026, 10, 1));
        InvoiceEvents.publish(invoice);
        PaymentApiTest.awaitOpen(invoice.invoiceId().value().toString(), "121.00");
        String rf = Remittance.creditorReferenceOf("S260042");
        String xml = CamtVersionsTest.statement(CamtVersionsTest.ISO + "13", CamtVersionsTest.credit("13", "121.00", rf,
                "<UETR>c3b1a5d2-8e4f-5a6b-9c7d-0e1f2a3b4c5d</UETR>").replace("<Issr>CUR</Issr>", "<Issr>ISO</Issr>"),
                "1000.00", "1131.00");

        // when it is uploaded
        JsonPath status = done(upload(xml, "application/xml"));

        // then the invoice is paid, and the import shows the version, the deviation where it is and the difference
        assertThat(status.getString("version")).isEqualTo("camt.053.001.13");
        assertThat(status.getLong("matched")).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/open-items").then().body("openItems", hasSize(0)));
        int uetrLine = (int) xml.substring(0, xml.indexOf("<UETR>")).chars().filter(c -> c == '\n').count() + 1;
        assertThat(status.getList("warnings.line", Integer.class)).contains(uetrLine);
        assertThat(status.getList("warnings.column", Integer.class)).allSatisfy(c -> assertThat(c).isNotNull());
        assertThat(status.getString("balances[0].difference")).isEqualTo("10.00");
        assertThat(status.getString("balances[0].account")).isEqualTo("NL91ABNA0417164300");
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = NEW_VERSION_TENANT))
    void a_statement_cut_off_is_refused_naming_where_and_nothing_is_stored() {
        long before = given().when().get("/payments").then().extract().jsonPath().getList("payments").size();
        String whole = CamtVersionsTest.statement(CamtVersionsTest.ISO + "08",
                CamtVersionsTest.credit("08", "99.00", "5000056789012345", ""), "0", "99.00");
        String cut = whole.substring(0, whole.indexOf("<RltdPties>"));

        given().contentType("application/xml").body(cut).when().post("/bank-statements").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].message", org.hamcrest.Matchers.containsString("cut off"))
                .body("errors[0].field", startsWith("line "));
        given().contentType("text/plain").body(":940:\n:20:X\n:25:NL91ABNA0417164300\n:60F:C261119EUR1,00\n"
                + ":61:261120C1,00N541NONREF\n").when().post("/bank-statements").then().statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.containsString(":62F:"));

        assertThat(given().when().get("/payments").then().extract().jsonPath().getList("payments")).hasSize((int) before);
    }
}
