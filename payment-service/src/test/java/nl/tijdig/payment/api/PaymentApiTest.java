package nl.tijdig.payment.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.DebtorRegistered;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.InvoiceCredited;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.events.PaymentUnmatched;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.testing.kafka.TopicProbe;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "payment"))
class PaymentApiTest {

    static final String EXAMPLES = "0193a6f2-0000-7000-8000-00000000a001"; // the tenant of the contract examples
    static final String MATCHING = "0193a6f2-0000-7000-8000-0000000000b1";
    static final String QUEUE = "0193a6f2-0000-7000-8000-0000000000b2";
    static final String TOLERANT = "0193a6f2-0000-7000-8000-0000000000b3";
    static final Duration WAIT = Duration.ofSeconds(60);

    static void awaitOpen(String invoiceId, String open) {
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("limit", 200).when().get("/open-items").then().statusCode(200)
                .body("openItems.find { it.invoiceId == '" + invoiceId + "' }.open.amount", is(open)));
    }

    static String payment(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/payments").then().statusCode(201)
                .extract().path("paymentId");
    }

    static ConsumerRecord<String, byte[]> published(String paymentId, String type) {
        return TopicProbe.first(KafkaResource.broker().bootstrapServers(), "tijdig.payment.v1",
                r -> paymentId.equals(r.key()) && type.equals(TopicProbe.header(r, CloudEventsKafka.TYPE)), WAIT);
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = EXAMPLES))
    void the_invoice_services_examples_become_an_open_item_once_and_its_betalingskenmerk_pays_it() {
        // given the invoice-service's contract examples, each delivered twice
        for (Class<? extends nl.tijdig.events.PublicEvent> type : List.of(DebtorRegistered.class, InvoiceIssued.class,
                InvoiceCredited.class)) {
            nl.tijdig.events.WireMessage message = EventExamples.message(type, 1);
            InvoiceEvents.send(message);
            InvoiceEvents.send(message);
        }
        InvoiceIssued invoice = EventExamples.event(InvoiceIssued.class);
        String id = invoice.invoiceId().value().toString();

        // then the invoice is open for 1,210.00 less the 121.00 credited, once
        awaitOpen(id, "1089.00");

        // when its debtor pays 500.00 with the betalingskenmerk
        String payment = payment("""
                {"amount": "500.00", "valueDate": "2026-10-06", "payerName": "BAKKERIJ DE GOUDEN KORST BV",
                 "payerIban": "NL93 RABO 0123 4567 80", "remittanceInformation": "%s"}""".formatted(invoice.paymentReference()));

        // then it is matched by that rule, published as PaymentReceived, and 589.00 stays open
        given().when().get("/payments/" + payment).then().statusCode(200).body("status", is("MATCHED"))
                .body("rule", is("BETALINGSKENMERK")).body("allocations[0].invoiceId", is(id))
                .body("allocations[0].openPrincipalAfter.amount", is("589.00"));
        PaymentReceived received = (PaymentReceived) ((CloudEventsKafka.Known) CloudEventsKafka.standard()
                .decode(published(payment, "nl.tijdig.payment.PaymentReceived.v1"))).envelope().data();
        assertThat(received.allocations()).singleElement().satisfies(a -> assertThat(a.amount().amount()).isEqualByComparingTo("500.00"));
        assertThat(received.debtorId()).isEqualTo(invoice.debtor().debtorId());
        awaitOpen(id, "589.00");
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = MATCHING))
    void invoice_numbers_pay_several_invoices_an_overpayment_is_credit_and_a_repeat_records_nothing() {
        TenantId tenant = TenantId.of(MATCHING);
        DebtorId debtor = new DebtorId(UUID.randomUUID());
        InvoiceIssued first = InvoiceEvents.issued(tenant, debtor, "Drukkerij Van Dam B.V.", "NL91ABNA0417164300",
                "F26-000101", 101, "121.00", LocalDate.of(2026, 9, 1));
        InvoiceIssued second = InvoiceEvents.issued(tenant, debtor, "Drukkerij Van Dam B.V.", "NL91ABNA0417164300",
                "F26-000102", 102, "242.00", LocalDate.of(2026, 9, 15));
        InvoiceEvents.publish(first);
        InvoiceEvents.publish(second);
        awaitOpen(second.invoiceId().value().toString(), "242.00");

        // when one payment names both invoices and pays 13.00 more, reported twice with one Idempotency-Key
        String body = """
                {"amount": "376.00", "valueDate": "2026-10-10", "remittanceInformation": "Facturen F26-000102 F26-000101"}""";
        String payment = given().header("Idempotency-Key", "bank-entry-42").contentType(ContentType.JSON).body(body)
                .when().post("/payments").then().statusCode(201).body("rule", is("INVOICE_NUMBER"))
                .body("allocations[0].invoiceId", is(second.invoiceId().value().toString()))
                .body("allocations[1].amount.amount", is("121.00"))
                .body("credit.amount", is("13.00")).extract().path("paymentId");
        given().header("Idempotency-Key", "bank-entry-42").contentType(ContentType.JSON).body(body)
                .when().post("/payments").then().statusCode(201).header("Idempotency-Replayed", "true")
                .body("paymentId", is(payment));

        // then both are paid, the debtor has 13.00 credit, and there is one payment
        given().when().get("/open-items?debtorId=" + debtor.value()).then().body("openItems", hasSize(0));
        given().when().get("/debtors/" + debtor.value() + "/credit").then().body("credit[0].amount", is("13.00"));
        given().when().get("/payments").then().body("payments", hasSize(1));
    }

    @Test
    @TestSecurity(user = "clerk", roles = {"integrator", "collector"}, attributes = @SecurityAttribute(key = "tenant_id", value = QUEUE))
    void an_unmatched_payment_waits_in_the_queue_until_staff_allocate_it() {
        TenantId tenant = TenantId.of(QUEUE);
        DebtorId debtor = new DebtorId(UUID.randomUUID());
        InvoiceIssued invoice = InvoiceEvents.issued(tenant, debtor, "J. Jansen", null, "2026-000201", 201, "80.00",
                LocalDate.of(2026, 10, 1));
        InvoiceEvents.publish(invoice);
        awaitOpen(invoice.invoiceId().value().toString(), "80.00");

        // when a payment comes that no rule places
        String payment = given().contentType(ContentType.JSON).body("""
                {"amount": "75.00", "valueDate": "2026-10-07", "payerName": "JANSEN J", "remittanceInformation": "zie mail"}""")
                .when().post("/payments").then().statusCode(201).body("status", is("UNMATCHED"))
                .body("reason", startsWith("no invoice named")).body("rule", nullValue()).extract().path("paymentId");

        // then it is published as PaymentUnmatched and listed in the queue
        PaymentUnmatched unmatched = (PaymentUnmatched) ((CloudEventsKafka.Known) CloudEventsKafka.standard()
                .decode(published(payment, "nl.tijdig.payment.PaymentUnmatched.v1"))).envelope().data();
        assertThat(unmatched.amount().amount()).isEqualByComparingTo("75.00");
        given().when().get("/payments?status=UNMATCHED").then().body("payments", hasSize(1))
                .body("payments[0].paymentId", is(payment));

        // when staff allocate more than is open, then it is refused naming the field
        given().contentType(ContentType.JSON).body("""
                {"allocations": [{"invoiceId": "%s", "amount": "90.00"}]}""".formatted(invoice.invoiceId().value()))
                .when().post("/payments/" + payment + "/allocation").then().statusCode(422)
                .body("errors[0].field", is("allocations[0].amount"));

        // when they allocate it to the invoice, then it is PaymentReceived, 5.00 stays open
        given().contentType(ContentType.JSON).body("""
                {"allocations": [{"invoiceId": "%s", "amount": "75.00"}]}""".formatted(invoice.invoiceId().value()))
                .when().post("/payments/" + payment + "/allocation").then().statusCode(200)
                .body("status", is("ALLOCATED")).body("rule", is("MANUAL"))
                .body("allocations[0].openPrincipalAfter.amount", is("5.00"));
        published(payment, "nl.tijdig.payment.PaymentReceived.v1");
        awaitOpen(invoice.invoiceId().value().toString(), "5.00");

        // and a second allocation is a conflict
        given().contentType(ContentType.JSON).body("{\"debtorId\": \"" + debtor.value() + "\"}")
                .when().post("/payments/" + payment + "/allocation").then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "admin", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = TOLERANT))
    void a_residual_within_the_tenants_tolerance_closes_the_invoice() {
        TenantId tenant = TenantId.of(TOLERANT);
        DebtorId debtor = new DebtorId(UUID.randomUUID());
        InvoiceIssued invoice = InvoiceEvents.issued(tenant, debtor, "Kapsalon Knip B.V.", "NL20INGB0001234567",
                "K-301", 301, "60.50", LocalDate.of(2026, 10, 1));
        InvoiceEvents.publish(invoice);
        awaitOpen(invoice.invoiceId().value().toString(), "60.50");
        given().when().get("/payment-settings").then().body("tolerance", is(0.5f));

        // given the tenant's tolerance of 1.00
        given().contentType(ContentType.JSON).body("{\"tolerance\": \"1.00\"}").when().put("/payment-settings")
                .then().statusCode(200);

        // when the debtor pays 59.70 from its IBAN
        given().contentType(ContentType.JSON).body("""
                {"amount": "59.70", "valueDate": "2026-10-20", "payerIban": "NL20INGB0001234567"}""")
                .when().post("/payments").then().statusCode(201).body("rule", is("IBAN"))
                .body("allocations[0].openPrincipalAfter.amount", is("0.00"))
                .body("allocations[0].writtenOff.amount", is("0.80"));

        // then nothing of it is open any more
        given().when().get("/open-items?debtorId=" + debtor.value()).then().body("openItems", hasSize(0));
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = MATCHING))
    void a_bad_report_is_refused_naming_every_field_and_records_nothing() {
        given().contentType(ContentType.JSON).body("""
                {"amount": "-1", "currency": "XXY", "payerIban": "not an iban"}""")
                .when().post("/payments").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("currency", "amount", "valueDate", "payerIban"));
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000b9"))
    void another_tenants_payment_is_not_found() {
        given().when().get("/payments/" + UUID.randomUUID()).then().statusCode(404);
        given().when().get("/payments?status=UNMATCHED").then().body("payments", hasSize(0));
    }
}
