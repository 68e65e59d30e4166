package nl.tijdig.payment.paylink;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.PaymentLinkClosed;
import nl.tijdig.events.PaymentLinkCreated;
import nl.tijdig.kernel.Betalingskenmerk;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.payment.api.InvoiceEventsAccess;
import nl.tijdig.testing.kafka.TopicProbe;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "payment"))
class PayLinkTest {

    static final String TENANT = "0193a6f2-0000-7000-8000-0000000000e1";
    static final Duration WAIT = Duration.ofSeconds(60);

    @TestHTTPResource("/")
    URL service;

    static <E> E event(Class<E> type, String invoiceId) {
        String name = "nl.tijdig.payment." + type.getSimpleName() + ".v1";
        ConsumerRecord<String, byte[]> record = TopicProbe.first(KafkaResource.broker().bootstrapServers(), "tijdig.payment.v1",
                r -> name.equals(TopicProbe.header(r, CloudEventsKafka.TYPE))
                        && new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains(invoiceId), WAIT);
        return type.cast(((CloudEventsKafka.Known) CloudEventsKafka.standard().decode(record)).envelope().data());
    }

    @Test
    @TestSecurity(user = "admin", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void an_open_invoice_gets_a_link_paid_once_through_the_webhook_and_a_link_closes_when_paid_otherwise() throws Exception {
        try (FakeMollie mollie = new FakeMollie("test_tijdig")) {
            // given the tenant's provider
            String webhook = given().contentType(ContentType.JSON).body("""
                    {"provider": "mollie", "apiKey": "test_tijdig", "baseUrl": "%s", "webhookBaseUrl": "%s"}"""
                    .formatted(mollie.baseUrl(), service.toString())).when().put("/payment-provider").then().statusCode(200)
                    .body("apiKey", is("…jdig")).body("webhookUrl", startsWith(service.toString().replaceAll("/$", "") + "/callbacks/"))
                    .extract().path("webhookUrl");

            // when an invoice is issued
            TenantId tenant = TenantId.of(TENANT);
            InvoiceIssued invoice = InvoiceEventsAccess.issued(tenant, new DebtorId(UUID.randomUUID()), "Bakkerij",
                    "NL93RABO0123456780", "PL-1", 9101, "121.00", LocalDate.of(2026, 11, 1));
            InvoiceEventsAccess.publish(invoice);

            // then a link for what is open is created at the provider and published
            PaymentLinkCreated created = event(PaymentLinkCreated.class, invoice.invoiceId().value().toString());
            assertThat(created.amount().amount()).isEqualByComparingTo("121.00");
            assertThat(created.url()).startsWith("https://pay.example.test/checkout/");
            ObjectNode atProvider = mollie.paymentFor("PL-1");
            assertThat(atProvider.path("webhookUrl").asText()).isEqualTo(webhook);
            assertThat(atProvider.path("amount").path("value").asText()).isEqualTo("121.00");

            // when the debtor pays and the provider posts its webhook twice (only the id in it)
            mollie.pay(atProvider.path("id").asText());
            String path = webhook.substring(webhook.indexOf("/callbacks/"));
            for (int i = 0; i < 2; i++) {
                given().contentType(ContentType.URLENC).formParam("id", atProvider.path("id").asText()).when().post(path)
                        .then().statusCode(200);
            }

            // then one payment is recorded on the invoice, and the link closes as paid
            given().when().get("/payments").then().body("payments", hasSize(1)).body("payments[0].source", is("PAY_LINK"))
                    .body("payments[0].status", is("MATCHED")).body("payments[0].allocations[0].openPrincipalAfter.amount", is("0.00"));
            PaymentLinkClosed closed = event(PaymentLinkClosed.class, invoice.invoiceId().value().toString());
            assertThat(closed.reason()).isEqualTo(PaymentLinkClosed.Reason.PAID);

            // when another invoice with a link is paid by bank transfer instead
            InvoiceIssued second = InvoiceEventsAccess.issued(tenant, new DebtorId(UUID.randomUUID()), "Drukkerij",
                    null, "PL-2", 9102, "60.50", LocalDate.of(2026, 11, 2));
            InvoiceEventsAccess.publish(second);
            event(PaymentLinkCreated.class, second.invoiceId().value().toString());
            given().contentType(ContentType.JSON).body("""
                    {"amount": "60.50", "valueDate": "2026-11-21", "remittanceInformation": "%s"}""".formatted(Betalingskenmerk.of(9102)))
                    .when().post("/payments").then().statusCode(201).body("status", is("MATCHED"));

            // then its link is cancelled at the provider and closes as settled
            PaymentLinkClosed settled = event(PaymentLinkClosed.class, second.invoiceId().value().toString());
            assertThat(settled.reason()).isEqualTo(PaymentLinkClosed.Reason.SETTLED);
            await().atMost(WAIT).until(() -> mollie.requests.stream().anyMatch(r -> r.startsWith("DELETE ")));
            assertThat(mollie.paymentFor("PL-2").path("status").asText()).isEqualTo("canceled");
        }
    }

    static final String ESCALATING = "0193a6f2-0000-7000-8000-0000000000e2";

    @Test
    @TestSecurity(user = "admin", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = ESCALATING))
    void a_claim_that_goes_to_collection_closes_its_links() throws Exception {
        try (FakeMollie mollie = new FakeMollie("test_escalating")) {
            given().contentType(ContentType.JSON).body("""
                    {"provider": "mollie", "apiKey": "test_escalating", "baseUrl": "%s", "webhookBaseUrl": "%s"}"""
                    .formatted(mollie.baseUrl(), service.toString())).when().put("/payment-provider").then().statusCode(200);
            TenantId tenant = TenantId.of(ESCALATING);
            InvoiceIssued invoice = InvoiceEventsAccess.issued(tenant, new DebtorId(UUID.randomUUID()), "Bakkerij",
                    null, "PL-9", 9109, "99.00", LocalDate.of(2026, 8, 1));
            InvoiceEventsAccess.publish(invoice);
            event(PaymentLinkCreated.class, invoice.invoiceId().value().toString());

            // when the dunning-service escalates the claim (its contract example, for this tenant and invoice)
            nl.tijdig.events.EscalatedToCollection example = nl.tijdig.events.EventExamples.event(
                    nl.tijdig.events.EscalatedToCollection.class);
            nl.tijdig.events.InvoiceSummary summary = example.invoices().get(0);
            InvoiceEventsAccess.publish(new nl.tijdig.events.EscalatedToCollection(tenant, example.caseId(), example.debtor(),
                    example.creditor(), java.util.List.of(new nl.tijdig.events.InvoiceSummary(invoice.invoiceId(), "PL-9",
                            summary.issueDate(), summary.dueDate(), summary.principal(), summary.open())),
                    example.principal(), example.collectionCosts(), example.interest(), example.totalClaim(),
                    example.escalationDate(), example.history(), example.occurredAt()));

            // then the link closes as escalated and is cancelled at the provider
            PaymentLinkClosed closed = event(PaymentLinkClosed.class, invoice.invoiceId().value().toString());
            assertThat(closed.reason()).isEqualTo(PaymentLinkClosed.Reason.ESCALATED);
            assertThat(mollie.paymentFor("PL-9").path("status").asText()).isEqualTo("canceled");
        }
    }

    @Test
    void a_webhook_for_an_unknown_partner_is_not_found_and_needs_no_token() {
        given().contentType(ContentType.URLENC).formParam("id", "tr_x").when()
                .post("/callbacks/" + UUID.randomUUID() + "/payments").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
