package nl.tijdig.payment.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.transform.stream.StreamSource;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.CreditRefunded;
import nl.tijdig.events.CreditorProfileUpdated;
import nl.tijdig.events.CreditorSnapshot;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.PaymentReversed;
import nl.tijdig.kernel.Betalingskenmerk;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.payment.domain.DirectDebitRun;
import nl.tijdig.payment.sepa.SepaDocuments;
import nl.tijdig.payment.statement.StatementFixtures;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "payment"))
class MoneyOutApiTest {

    static final String DIRECT_DEBIT_TENANT = "0193a6f2-0000-7000-8000-0000000000f1";
    static final String REFUND_TENANT = "0193a6f2-0000-7000-8000-0000000000f2";
    static final String MANDATE_TENANT = "0193a6f2-0000-7000-8000-0000000000f3";
    static final Duration WAIT = Duration.ofSeconds(90);

    /** The creditor profile the invoice-service publishes, for this tenant. */
    static void creditorProfile(String tenant) {
        CreditorProfileUpdated example = EventExamples.event(CreditorProfileUpdated.class);
        CreditorSnapshot c = example.creditor();
        InvoiceEvents.publish(new CreditorProfileUpdated(TenantId.of(tenant), new CreditorSnapshot("Bloem & Co B.V.",
                c.kvkNumber(), c.vatId(), c.iban(), c.bic(), c.email(), c.address()), example.logoUrl(), example.footer(),
                example.b2bTermDays(), example.b2cTermDays(), example.invoiceSeries(), example.occurredAt()));
    }

    static LocalDate nextCollectionDay() {
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(1);
        while (!DirectDebitRun.isTargetDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    static void assertSchemaValid(String xml, String schema) throws Exception {
        SepaDocuments.schema(schema).newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    static List<String> all(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = DIRECT_DEBIT_TENANT))
    void due_invoices_of_a_debtor_with_a_mandate_are_collected_once_paid_when_booked_and_open_again_on_reversal()
            throws Exception {
        // given a debtor with two invoices due, its recurring CORE mandate, the creditor id and the tenant's account
        TenantId tenant = TenantId.of(DIRECT_DEBIT_TENANT);
        DebtorId florist = new DebtorId(UUID.randomUUID());
        LocalDate issued = LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(40);
        InvoiceIssued first = InvoiceEvents.issued(tenant, florist, "Bloemisterij De Roos", "NL44RABO0123456789",
                "DD26-0001", 8101, "121.00", issued);
        InvoiceIssued second = InvoiceEvents.issued(tenant, florist, "Bloemisterij De Roos", "NL44RABO0123456789",
                "DD26-0002", 8102, "60.50", issued.plusDays(1));
        creditorProfile(DIRECT_DEBIT_TENANT);
        InvoiceEvents.publish(first);
        InvoiceEvents.publish(second);
        PaymentApiTest.awaitOpen(second.invoiceId().value().toString(), "60.50");
        String debtor = florist.value().toString();
        given().contentType(ContentType.JSON).body("""
                {"mandateId": "MND-ROOS-001", "scheme": "CORE", "iban": "NL44 RABO 0123 4567 89", "signedOn": "2026-01-05"}""")
                .when().put("/debtors/" + debtor + "/mandate").then().statusCode(200)
                .body("type", is("RECURRING")).body("iban", is("NL44RABO0123456789")).body("collected", is(false));
        given().contentType(ContentType.JSON).body("{\"creditorId\": \"NL24ZZZ302049230000\"}")
                .when().put("/direct-debit-settings").then().statusCode(200);
        LocalDate collection = nextCollectionDay();

        // when a direct-debit run is asked for the next collection day
        JsonPath file = given().contentType(ContentType.JSON).body("{\"collectionDate\": \"" + collection + "\"}")
                .when().post("/sepa-files/direct-debits").then().statusCode(201)
                .header("Location", containsString("/sepa-files/")).extract().jsonPath();

        // then one pain.008 collects both invoices under the mandate (FRST, then RCUR), schema-valid
        assertThat(file.getInt("transactions")).isEqualTo(2);
        assertThat(file.getString("total.amount")).isEqualTo("181.50");
        assertThat(file.getString("kind")).isEqualTo("DIRECT_DEBIT");
        String xml = given().accept("application/xml").when().get("/sepa-files/" + file.getString("fileId") + "/document")
                .then().statusCode(200).contentType(containsString("application/xml"))
                .header("Content-Disposition", containsString(file.getString("messageId"))).extract().asString();
        assertSchemaValid(xml, "iso20022/pain.008.001.08.xsd");
        assertThat(xml).contains("<SeqTp>FRST</SeqTp>", "<SeqTp>RCUR</SeqTp>", "<MndtId>MND-ROOS-001</MndtId>",
                "<Id>NL24ZZZ302049230000</Id>", "Factuur DD26-0001 kenmerk " + Betalingskenmerk.of(8101),
                "<Nm>Bloem + Co B.V.</Nm>", "<IBAN>NL91ABNA0417164300</IBAN>");
        given().when().get("/debtors/" + debtor + "/mandate").then().body("collected", is(true));

        // and a second run collects nothing twice
        given().contentType(ContentType.JSON).body("{\"collectionDate\": \"" + collection + "\"}")
                .when().post("/sepa-files/direct-debits").then().statusCode(409)
                .body("errors[0].field", is("collectionDate"));

        // when the bank books the collections (a batch entry; the remittance names no invoice)
        List<String> endToEnd = all("<EndToEndId>(TDD[0-9a-f]{32})</EndToEndId>", xml);
        List<String> amounts = all("<InstdAmt Ccy=\"EUR\">([0-9.]+)</InstdAmt>", xml);
        assertThat(endToEnd).hasSize(2);
        String booked = StatementFixtures.text("camt053-direct-debits.xml").replace("E2E-1", endToEnd.get(0))
                .replace("E2E-2", endToEnd.get(1)).replace("AMOUNT-1", amounts.get(0)).replace("AMOUNT-2", amounts.get(1))
                .replace("TOTAL", "181.50").replace("COLLECTION-DATE", collection.toString());
        JsonPath imported = BankStatementApiTest.done(BankStatementApiTest.upload(booked, "application/xml"));

        // then each collection pays its invoice, by direct debit
        assertThat(imported.getLong("matched")).isEqualTo(2);
        PaymentApiTest.awaitOpen(first.invoiceId().value().toString(), null);
        PaymentApiTest.awaitOpen(second.invoiceId().value().toString(), null);
        String collected = given().when().get("/payments").then().extract().path(
                "payments.find { it.endToEndId == '" + endToEnd.get(0) + "' }.paymentId");
        given().when().get("/payments/" + collected).then().body("source", is("DIRECT_DEBIT"))
                .body("rule", is("INVOICE_ID")).body("status", is("MATCHED"));

        // when the debtor reverses the first collection (Core: MD06) on the next statement
        String reversal = StatementFixtures.text("camt053-reversal.xml").replace("DD-2026-0001", endToEnd.get(0))
                .replace("<Amt Ccy=\"EUR\">100.00</Amt>", "<Amt Ccy=\"EUR\">" + amounts.get(0) + "</Amt>")
                .replace("ENTRY-0101", "ENTRY-DD-0102");
        assertThat(BankStatementApiTest.done(BankStatementApiTest.upload(reversal, "application/xml"))
                .getLong("reversals")).isEqualTo(1);

        // then that invoice is open again and PaymentReversed says so
        PaymentApiTest.awaitOpen(first.invoiceId().value().toString(), "121.00");
        PaymentReversed event = (PaymentReversed) ((CloudEventsKafka.Known) CloudEventsKafka.standard().decode(
                PaymentApiTest.published(collected, "nl.tijdig.payment.PaymentReversed.v1"))).envelope().data();
        assertThat(event.reasonCode()).isEqualTo("MD06");
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = REFUND_TENANT))
    void a_debtors_credit_is_refunded_once_and_paid_by_a_schema_valid_pain_001() throws Exception {
        // given a debtor who paid 20.00 more than its invoice
        TenantId tenant = TenantId.of(REFUND_TENANT);
        DebtorId bakery = new DebtorId(UUID.randomUUID());
        InvoiceIssued invoice = InvoiceEvents.issued(tenant, bakery, "Bakkerij Ünal", "NL44RABO0123456789", "RF26-0001",
                8201, "121.00", LocalDate.of(2026, 10, 1));
        InvoiceEvents.publish(invoice);
        PaymentApiTest.awaitOpen(invoice.invoiceId().value().toString(), "121.00");
        given().contentType(ContentType.JSON).body("""
                {"amount": "141.00", "valueDate": "2026-11-02", "remittanceInformation": "%s"}"""
                .formatted(Betalingskenmerk.of(8201))).when().post("/payments").then().statusCode(201);
        String debtor = bakery.value().toString();
        given().when().get("/debtors/" + debtor + "/credit").then().body("credit[0].amount", is("20.00"));

        // when more than the credit is asked, or for nobody, or to a broken IBAN: refused, nothing changes
        given().contentType(ContentType.JSON).body("{\"debtorId\": \"" + debtor + "\", \"amount\": \"25.00\"}")
                .when().post("/refunds").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", is("amount"));
        given().contentType(ContentType.JSON).body("{\"debtorId\": \"" + UUID.randomUUID() + "\", \"amount\": \"5.00\"}")
                .when().post("/refunds").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"amount\": \"-1\", \"iban\": \"NL00BANK0000000000\", \"currency\": \"USD\"}")
                .when().post("/refunds").then().statusCode(422).body("errors.field", org.hamcrest.Matchers.containsInAnyOrder(
                        "currency", "debtorId", "amount", "iban"));
        given().when().get("/debtors/" + debtor + "/credit").then().body("credit[0].amount", is("20.00"));

        // and without the tenant's account (its creditor profile) no file can be written
        given().contentType(ContentType.JSON).body("{\"debtorId\": \"" + debtor + "\", \"amount\": \"15.00\", "
                + "\"reason\": \"Terugbetaling tegoed RF26-0001\"}").header("Idempotency-Key", "refund-1")
                .when().post("/refunds").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{}").when().post("/sepa-files/credit-transfers").then()
                .statusCode(422).body("errors[0].field", is("creditorProfile"));

        // when the same refund is asked again with its Idempotency-Key, then nothing is refunded twice
        String refundId = given().contentType(ContentType.JSON).body("{\"debtorId\": \"" + debtor + "\", \"amount\": \"15.00\", "
                + "\"reason\": \"Terugbetaling tegoed RF26-0001\"}").header("Idempotency-Key", "refund-1")
                .when().post("/refunds").then().statusCode(201).body("iban", is("NL44RABO0123456789"))
                .body("accountHolder", is("Bakkerij Ünal")).extract().path("refundId");
        given().when().get("/debtors/" + debtor + "/credit").then().body("credit[0].amount", is("5.00"));
        CreditRefunded event = (CreditRefunded) ((CloudEventsKafka.Known) CloudEventsKafka.standard().decode(
                PaymentApiTest.published(refundId, "nl.tijdig.payment.CreditRefunded.v1"))).envelope().data();
        assertThat(event.creditAfter().amount()).isEqualByComparingTo("5.00");

        // when the credit-transfer file is written (the profile has arrived)
        creditorProfile(REFUND_TENANT);
        await().atMost(WAIT).until(() -> given().contentType(ContentType.JSON).body("{}")
                .when().post("/sepa-files/credit-transfers").then().extract().statusCode() == 201);

        // then the refund is in it, schema-valid; it is filed, and no second file takes it again
        String fileId = given().when().get("/refunds/" + refundId).then().statusCode(200).extract().path("fileId");
        assertThat(fileId).isNotNull();
        given().when().get("/sepa-files/" + fileId).then().body("kind", is("CREDIT_TRANSFER")).body("transactions", is(1))
                .body("total.amount", is("15.00"));
        String xml = given().when().get("/sepa-files/" + fileId + "/document").then().statusCode(200).extract().asString();
        assertSchemaValid(xml, "iso20022/pain.001.001.09.xsd");
        assertThat(xml).contains("<InstdAmt Ccy=\"EUR\">15.00</InstdAmt>", "<Nm>Bakkerij Unal</Nm>",
                "<IBAN>NL44RABO0123456789</IBAN>", "<Ustrd>Terugbetaling tegoed RF26-0001</Ustrd>",
                "<IBAN>NL91ABNA0417164300</IBAN>");
        given().contentType(ContentType.JSON).body("{}").when().post("/sepa-files/credit-transfers").then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"executionDate\": \"2020-01-01\"}").when()
                .post("/sepa-files/credit-transfers").then().statusCode(422).body("errors[0].field", is("executionDate"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = MANDATE_TENANT))
    void mandates_and_the_creditor_id_are_checked_field_by_field_and_revoked_mandates_are_gone() {
        TenantId tenant = TenantId.of(MANDATE_TENANT);
        InvoiceIssued a = InvoiceEvents.issued(tenant, new DebtorId(UUID.randomUUID()), "A", null, "MD26-1", 8301, "10.00",
                LocalDate.of(2026, 10, 1));
        InvoiceIssued b = InvoiceEvents.issued(tenant, new DebtorId(UUID.randomUUID()), "B", null, "MD26-2", 8302, "10.00",
                LocalDate.of(2026, 10, 1));
        InvoiceEvents.publish(a);
        InvoiceEvents.publish(b);
        PaymentApiTest.awaitOpen(b.invoiceId().value().toString(), "10.00");
        String debtorA = a.debtor().debtorId().value().toString();
        String debtorB = b.debtor().debtorId().value().toString();
        String mandate = "{\"mandateId\": \"MND-1\", \"scheme\": \"B2B\", \"type\": \"ONE_OFF\", \"iban\": \"NL91ABNA0417164300\", "
                + "\"bic\": \"abnanl2a\", \"signedOn\": \"2026-02-01\"}";

        given().contentType(ContentType.JSON).body("{\"mandateId\": \"/x//\", \"scheme\": \"SEPA\", \"iban\": \"NL00\", "
                + "\"signedOn\": \"2099-01-01\"}").when().put("/debtors/" + debtorA + "/mandate").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.contains(
                        "mandateId", "scheme", "iban", "signedOn"));
        given().when().get("/debtors/" + debtorA + "/mandate").then().statusCode(404);
        given().contentType(ContentType.JSON).body(mandate).when().put("/debtors/" + UUID.randomUUID() + "/mandate")
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body(mandate).when().put("/debtors/" + debtorA + "/mandate").then()
                .statusCode(200).body("bic", is("ABNANL2A")).body("scheme", is("B2B")).body("type", is("ONE_OFF"));
        given().contentType(ContentType.JSON).body(mandate).when().put("/debtors/" + debtorB + "/mandate").then()
                .statusCode(409).body("errors[0].field", is("mandateId"));
        given().when().delete("/debtors/" + debtorA + "/mandate").then().statusCode(204);
        given().when().get("/debtors/" + debtorA + "/mandate").then().statusCode(404);
        given().when().delete("/debtors/" + debtorA + "/mandate").then().statusCode(404);

        given().contentType(ContentType.JSON).body("{\"creditorId\": \"NL25ZZZ302049230000\"}").when()
                .put("/direct-debit-settings").then().statusCode(422).body("errors[0].field", is("creditorId"));
        given().when().get("/direct-debit-settings").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"collectionDate\": \"2020-01-06\"}").when()
                .post("/sepa-files/direct-debits").then().statusCode(422).body("errors[0].field", is("collectionDate"));
        given().when().get("/sepa-files/" + UUID.randomUUID()).then().statusCode(404);
    }
}
