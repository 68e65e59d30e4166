package nl.tijdig.invoice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.EventCatalogue;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.EventJson;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.kernel.Betalingskenmerk;
import nl.tijdig.testing.kafka.TopicProbe;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "invoice"))
class InvoiceApiTest {

    static final String TENANT = "0193a6f2-0000-7000-8000-0000000000d1";
    static final String NO_PROFILE_TENANT = "0193a6f2-0000-7000-8000-0000000000d2";
    static final String IDEMPOTENT_TENANT = "0193a6f2-0000-7000-8000-0000000000d3";
    static final String CONCURRENT_TENANT = "0193a6f2-0000-7000-8000-0000000000d4";
    static final String MIXED_TENANT = "0193a6f2-0000-7000-8000-0000000000d5";

    public static String invoice(String debtorId) {
        return """
                {"debtorId": "%s", "issueDate": "2026-11-23", "deliveryDate": "2026-11-20",
                 "lines": [{"description": "Schoonmaak kantoor november", "quantity": 20, "unitPrice": "45.00", "vat": "STANDARD"},
                           {"description": "Koffie", "quantity": 3, "unitPrice": 2.49, "vat": "REDUCED"}],
                 "purchaseOrder": "PO-2026-118", "discount": {"percent": 2, "withinDays": 10}}""".formatted(debtorId);
    }

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void an_issued_invoice_has_its_totals_number_reference_and_due_date_and_is_published_as_the_contract_says() {
        // given the tenant's creditor profile and a business debtor
        given().contentType(ContentType.JSON).body(CreditorProfileApiTest.PROFILE.replace("\"2026\"", "\"F26\""))
                .when().put("/creditor-profile").then().statusCode(200);
        String debtor = DebtorApiTest.register(DebtorApiTest.BAKERY);

        // when an invoice is issued
        String id = given().contentType(ContentType.JSON).body(invoice(debtor)).when().post("/invoices")
                .then().statusCode(201)
                .body("invoiceNumber", is("F26-000001"))
                .body("totalExclVat.amount", is("907.47"))  // 900.00 + 7.47
                .body("vatTotal.amount", is("189.67"))      // 189.00 + 0.6723 -> 0.67
                .body("totalInclVat.amount", is("1097.14"))
                .body("dueDate", is("2026-12-23"))          // the profile's 30 days B2B
                .body("termDays", is(30))
                .body("lines[1].lineTotal.amount", is("7.47"))
                .extract().path("invoiceId");
        String reference = given().when().get("/invoices/" + id).then().statusCode(200)
                .body("debtor.segment", is("B2B")).extract().path("paymentReference");
        assertThat(Betalingskenmerk.isValid(reference)).isTrue();
        assertThat(reference).hasSize(16);

        // then InvoiceIssued is on the topic as a CloudEvent with the contract example's fields
        ConsumerRecord<String, byte[]> record = TopicProbe.first(KafkaResource.broker().bootstrapServers(),
                "tijdig.invoice.v1", r -> id.equals(r.key()), Duration.ofSeconds(60));
        CloudEventsKafka.Decoded decoded = CloudEventsKafka.standard().decode(record);
        assertThat(decoded).isInstanceOf(CloudEventsKafka.Known.class);
        InvoiceIssued issued = (InvoiceIssued) ((CloudEventsKafka.Known) decoded).envelope().data();
        assertThat(issued.invoiceNumber()).isEqualTo("F26-000001");
        assertThat(fieldNames(EventJson.mapper().valueToTree(issued)))
                .containsExactlyInAnyOrderElementsOf(fieldNames(EventExamples.tree(
                        EventCatalogue.standard().of(InvoiceIssued.class))));

        // and the next invoice takes the next number
        given().contentType(ContentType.JSON).body(invoice(debtor)).when().post("/invoices")
                .then().statusCode(201).body("invoiceNumber", is("F26-000002"));
    }

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void an_invoice_breaking_the_rules_is_a_422_naming_each_field_and_takes_no_number() {
        given().contentType(ContentType.JSON).body(CreditorProfileApiTest.PROFILE.replace("\"2026\"", "\"F26\""))
                .when().put("/creditor-profile").then().statusCode(200);
        String debtor = DebtorApiTest.register(DebtorApiTest.BAKERY);
        String bad = invoice(debtor).replace("\"deliveryDate\": \"2026-11-20\",", "")
                .replace("\"quantity\": 3,", "\"quantity\": 0,").replace("\"vat\": \"REDUCED\"", "\"vat\": \"REVERSE_CHARGE\"");

        given().contentType(ContentType.JSON).body(bad).when().post("/invoices")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("deliveryDate", "lines[1].quantity", "debtor.vatId"));
        given().contentType(ContentType.JSON).body(invoice(UUID.randomUUID().toString())).when().post("/invoices")
                .then().statusCode(422).body("errors.field", hasItem("debtorId"));
    }

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_credit_note_lowers_the_principal_left_and_a_full_credit_closes_it() {
        given().contentType(ContentType.JSON).body(CreditorProfileApiTest.PROFILE).when().put("/creditor-profile")
                .then().statusCode(200);
        String debtor = DebtorApiTest.register(DebtorApiTest.BAKERY);
        String id = given().contentType(ContentType.JSON).body(invoice(debtor)).when().post("/invoices")
                .then().statusCode(201).extract().path("invoiceId");

        // when part of it is credited (2 hours not worked, 21 % VAT)
        given().contentType(ContentType.JSON)
                .body("""
                        {"reason": "Twee uur niet gewerkt", "creditDate": "2026-11-30",
                         "lines": [{"description": "Schoonmaak niet uitgevoerd", "quantity": 2, "unitPrice": "45.00", "vat": "STANDARD"}]}""")
                .when().post("/invoices/" + id + "/credit-notes")
                .then().statusCode(201)
                .body("creditNoteNumber", is("CN2026-000001"))
                .body("amountInclVat.amount", is("108.90"))
                .body("vatAmount.amount", is("18.90"));

        // then the invoice shows it
        given().when().get("/invoices/" + id).then().statusCode(200)
                .body("status", is("PARTIALLY_CREDITED"))
                .body("principalLeft.amount", is("988.24"))   // 1097.14 - 108.90
                .body("invoiceNumber", is(org.hamcrest.Matchers.notNullValue()));

        // when the rest is credited in full, then nothing is left, and it cannot be cancelled any more
        given().contentType(ContentType.JSON).body("{\"reason\": \"Opdracht vervallen\"}")
                .when().post("/invoices/" + id + "/credit-notes")
                .then().statusCode(201).body("amountInclVat.amount", is("988.24"));
        given().when().get("/invoices/" + id).then().body("status", is("CREDITED")).body("principalLeft.amount", is("0.00"));
        given().contentType(ContentType.JSON).body("{}").when().post("/invoices/" + id + "/credit-notes")
                .then().statusCode(422).body("errors[0].message", is("is credited in full already"));
        given().contentType(ContentType.JSON).body("{}").when().post("/invoices/" + id + "/cancellation")
                .then().statusCode(422);
    }

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void an_invoice_without_credit_notes_can_be_cancelled_once() {
        given().contentType(ContentType.JSON).body(CreditorProfileApiTest.PROFILE).when().put("/creditor-profile")
                .then().statusCode(200);
        String debtor = DebtorApiTest.register(DebtorApiTest.BAKERY);
        String id = given().contentType(ContentType.JSON).body(invoice(debtor)).when().post("/invoices")
                .then().statusCode(201).extract().path("invoiceId");

        given().contentType(ContentType.JSON).body("{\"reason\": \"Dubbel gefactureerd\"}")
                .when().post("/invoices/" + id + "/cancellation")
                .then().statusCode(200).body("status", is("CANCELLED")).body("principalLeft.amount", is("0.00"));
        given().contentType(ContentType.JSON).body("{}").when().post("/invoices/" + id + "/cancellation")
                .then().statusCode(422).body("errors[0].message", is("is cancelled already"));
    }

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = IDEMPOTENT_TENANT))
    void a_repeated_post_with_the_same_idempotency_key_returns_the_first_invoice_and_issues_nothing() throws Exception {
        given().contentType(ContentType.JSON).body(CreditorProfileApiTest.PROFILE).when().put("/creditor-profile")
                .then().statusCode(200);
        String debtor = DebtorApiTest.register(DebtorApiTest.BAKERY);
        String key = UUID.randomUUID().toString();

        // when the same request is sent twice with one key (the second as a concurrent retry would)
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(invoice(debtor))
                .when().post("/invoices").then().statusCode(201).extract().path("invoiceId");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(invoice(debtor))
                .when().post("/invoices")
                .then().statusCode(201)
                .header("Idempotency-Replayed", is("true"))
                .header("Location", org.hamcrest.Matchers.endsWith("/invoices/" + first))
                .body("invoiceId", is(first))
                .body("invoiceNumber", is("2026-000001"));

        // then only one invoice was issued: the next one without a key is number 2
        given().contentType(ContentType.JSON).body(invoice(debtor)).when().post("/invoices")
                .then().statusCode(201).body("invoiceNumber", is("2026-000002"));

        // and the key with another request is refused, naming the header
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(invoice(debtor).replace("PO-2026-118", "PO-2026-119"))
                .when().post("/invoices")
                .then().statusCode(422).body("errors[0].field", is("Idempotency-Key"));
    }

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = CONCURRENT_TENANT))
    void a_hundred_concurrent_issues_get_a_hundred_consecutive_numbers() throws Exception {
        given().contentType(ContentType.JSON).body(CreditorProfileApiTest.PROFILE).when().put("/creditor-profile")
                .then().statusCode(200);
        String debtor = DebtorApiTest.register(DebtorApiTest.BAKERY);
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<String>> numbers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                numbers.add(clients.submit(() -> given().contentType(ContentType.JSON).body(invoice(debtor))
                        .when().post("/invoices").then().statusCode(201).extract().<String>path("invoiceNumber")));
            }
            List<String> issued = new ArrayList<>();
            for (var number : numbers) {
                issued.add(number.get());
            }
            assertThat(issued).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 100)
                    .mapToObj(n -> String.format("2026-%06d", n)).toList());
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = MIXED_TENANT))
    void concurrent_issues_of_which_some_are_refused_leave_no_gap_and_a_repeated_key_issues_once() throws Exception {
        // given a creditor with a debtor, and 60 requests at once: every third names an unknown debtor (refused
        // inside the transaction, after the checks of the request itself), and ten share one Idempotency-Key
        given().contentType(ContentType.JSON).body(CreditorProfileApiTest.PROFILE).when().put("/creditor-profile")
                .then().statusCode(200);
        String debtor = DebtorApiTest.register(DebtorApiTest.BAKERY);
        String sharedKey = "order-" + UUID.randomUUID();
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                boolean unknown = i % 3 == 2;
                boolean keyed = i % 3 == 1 && i < 30;
                String body = invoice(unknown ? UUID.randomUUID().toString() : debtor);
                answers.add(clients.submit(() -> {
                    var request = given().contentType(ContentType.JSON).body(body);
                    return (keyed ? request.header("Idempotency-Key", sharedKey) : request).when().post("/invoices");
                }));
            }

            // when they are answered
            List<String> numbers = new ArrayList<>();
            java.util.Set<String> keyedNumbers = new java.util.HashSet<>();
            int refused = 0;
            for (int i = 0; i < 60; i++) {
                io.restassured.response.Response answer = answers.get(i).get();
                if (i % 3 == 2) {
                    assertThat(answer.statusCode()).isEqualTo(422);
                    assertThat(answer.jsonPath().getList("errors.field", String.class)).contains("debtorId");
                    refused++;
                } else {
                    assertThat(answer.statusCode()).isEqualTo(201);
                    String number = answer.jsonPath().getString("invoiceNumber");
                    if (i % 3 == 1 && i < 30) {
                        keyedNumbers.add(number);
                    } else {
                        numbers.add(number);
                    }
                }
            }

            // then the 20 refused took no number, the ten keyed requests got one invoice, and the numbers have no gap
            assertThat(refused).isEqualTo(20);
            assertThat(keyedNumbers).hasSize(1);
            numbers.addAll(keyedNumbers);
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 31)
                    .mapToObj(n -> String.format("2026-%06d", n)).toList());
            given().when().get("/invoices?limit=200").then().statusCode(200).body("invoices.size()", is(31));
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = NO_PROFILE_TENANT))
    void without_a_creditor_profile_no_invoice_is_issued_and_another_tenants_invoice_is_not_found() {
        given().contentType(ContentType.JSON).body(invoice(UUID.randomUUID().toString())).when().post("/invoices")
                .then().statusCode(422).body("errors.field", hasItem("creditorProfile"));
        given().when().get("/invoices/" + UUID.randomUUID()).then().statusCode(404);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
