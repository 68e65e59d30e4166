package nl.tijdig.invoice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.Betalingskenmerk;
import nl.tijdig.testing.kafka.TopicProbe;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "invoice"))
class InvoiceBatchApiTest {

    static final String TENANT = "0193a6f2-0000-7000-8000-0000000000b1";
    static final String REFUSED_TENANT = "0193a6f2-0000-7000-8000-0000000000b2";
    static final String IDEMPOTENT_TENANT = "0193a6f2-0000-7000-8000-0000000000b3";

    private static final String CONSUMER = """
            {"kind": "CONSUMER", "name": "J. de Vries",
             "address": {"street": "Dorpsstraat 4", "postalCode": "1234 AB", "city": "Ons Dorp", "countryCode": "NL"},
             "email": "jan@devries.nl"}""";

    private static String batch(String... invoices) {
        return "{\"invoices\": [" + String.join(", ", invoices) + "]}";
    }

    private static void profile(String series) {
        given().contentType(ContentType.JSON).body(CreditorProfileApiTest.PROFILE.replace("\"2026\"", "\"" + series + "\""))
                .when().put("/creditor-profile").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_batch_is_issued_numbered_consecutively_in_the_order_given_and_published_invoice_by_invoice() {
        // given a profile with series B26, a business and a consumer debtor
        profile("B26");
        String bakery = DebtorApiTest.register(DebtorApiTest.BAKERY);
        String consumer = DebtorApiTest.register(CONSUMER);

        // when three invoices are issued in one batch
        List<String> numbers = given().contentType(ContentType.JSON)
                .body(batch(InvoiceApiTest.invoice(bakery), InvoiceApiTest.invoice(consumer), InvoiceApiTest.invoice(bakery)))
                .when().post("/invoices/batch")
                .then().statusCode(201)
                .body("invoices", hasSize(3))
                .body("invoices[0].totalInclVat.amount", is("1097.14"))
                .body("invoices[1].debtor.segment", is("B2C"))
                .extract().path("invoices.invoiceNumber");
        List<String> ids = given().when().get("/invoices?limit=10").then().statusCode(200).extract().path("invoices.invoiceId");
        List<String> references = given().contentType(ContentType.JSON).body(batch(InvoiceApiTest.invoice(bakery)))
                .when().post("/invoices/batch").then().statusCode(201).extract().path("invoices.paymentReference");

        // then they are B26-000001 to -000003 in the order given, and the series goes on from there
        assertThat(numbers).containsExactly("B26-000001", "B26-000002", "B26-000003");
        given().contentType(ContentType.JSON).body(InvoiceApiTest.invoice(bakery)).when().post("/invoices")
                .then().statusCode(201).body("invoiceNumber", is("B26-000005"));
        assertThat(references).allSatisfy(r -> assertThat(Betalingskenmerk.isValid(r)).isTrue());

        // and each is an invoice of its own, read back and published on the topic as InvoiceIssued
        assertThat(ids).hasSize(3);
        List<String> published = TopicProbe.read(KafkaResource.broker().bootstrapServers(), "tijdig.invoice.v1",
                r -> ids.contains(r.key()), 3, Duration.ofSeconds(60)).stream().map(r -> r.key()).toList();
        assertThat(new HashSet<>(published)).containsExactlyInAnyOrderElementsOf(ids);
        given().when().get("/invoices/" + ids.get(0)).then().statusCode(200).body("status", is("ISSUED"));
    }

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = REFUSED_TENANT))
    void a_batch_with_one_invoice_that_breaks_a_rule_is_refused_whole_naming_each_field_and_takes_no_number() {
        // given a profile with series R26 and a debtor
        profile("R26");
        String bakery = DebtorApiTest.register(DebtorApiTest.BAKERY);

        // when a batch holds a good invoice, one of an unknown debtor and one with a line without VAT
        given().contentType(ContentType.JSON)
                .body(batch(InvoiceApiTest.invoice(bakery), InvoiceApiTest.invoice(UUID.randomUUID().toString()),
                        InvoiceApiTest.invoice(bakery).replace(", \"vat\": \"REDUCED\"", "")))
                .when().post("/invoices/batch")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("invoices[1].debtorId", "invoices[2].lines[1].vat"));

        // then nothing was issued, and the series has no gap
        given().when().get("/invoices").then().statusCode(200).body("invoices", hasSize(0));
        given().contentType(ContentType.JSON).body(batch(InvoiceApiTest.invoice(bakery))).when().post("/invoices/batch")
                .then().statusCode(201).body("invoices[0].invoiceNumber", is("R26-000001"));

        // and an empty batch, one without a body and one of 501 invoices are refused on what is wrong
        given().contentType(ContentType.JSON).body(batch()).when().post("/invoices/batch")
                .then().statusCode(422).body("errors[0].field", is("invoices"));
        given().contentType(ContentType.JSON).when().post("/invoices/batch").then().statusCode(422);
        String many = batch(java.util.Collections.nCopies(501, InvoiceApiTest.invoice(bakery)).toArray(String[]::new));
        given().contentType(ContentType.JSON).body(many).when().post("/invoices/batch")
                .then().statusCode(422).body("errors[0].field", is("invoices"));
        given().when().get("/invoices").then().statusCode(200).body("invoices", hasSize(1));
    }

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = IDEMPOTENT_TENANT))
    void a_repeated_batch_with_the_same_idempotency_key_returns_the_first_response_and_issues_nothing() {
        // given a profile and a debtor
        profile("I26");
        String bakery = DebtorApiTest.register(DebtorApiTest.BAKERY);
        String body = batch(InvoiceApiTest.invoice(bakery), InvoiceApiTest.invoice(bakery));

        // when the same batch is posted twice with one key
        List<String> first = given().contentType(ContentType.JSON).header("Idempotency-Key", "batch-2026-11-23").body(body)
                .when().post("/invoices/batch").then().statusCode(201).extract().path("invoices.invoiceId");
        List<String> again = given().contentType(ContentType.JSON).header("Idempotency-Key", "batch-2026-11-23").body(body)
                .when().post("/invoices/batch").then().statusCode(201).extract().path("invoices.invoiceId");

        // then the repeat is the first response, and two invoices exist
        assertThat(again).isEqualTo(first);
        given().when().get("/invoices").then().statusCode(200).body("invoices", hasSize(2));
    }
}
