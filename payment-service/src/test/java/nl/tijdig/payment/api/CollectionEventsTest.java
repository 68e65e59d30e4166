package nl.tijdig.payment.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.CollectionPaymentReported;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.InvoiceAssigned;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

/** The collection-gateway's events, shaped as its contract examples, on the real broker and database. */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "payment"))
class CollectionEventsTest {

    static final String TENANT = "0193a6f2-0000-7000-8000-0000000000f4";
    static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void money_an_agency_collected_pays_the_invoices_once_and_an_assigned_invoice_is_not_collected_by_direct_debit() {
        // given two open invoices of one debtor (242.00 and 121.00)
        TenantId tenant = TenantId.of(TENANT);
        DebtorId debtor = new DebtorId(UUID.randomUUID());
        InvoiceIssued first = InvoiceEvents.issued(tenant, debtor, "Bakkerij De Gouden Korst B.V.", "NL44RABO0123456789",
                "CO26-0001", 8401, "242.00", LocalDate.now().minusDays(90));
        InvoiceIssued second = InvoiceEvents.issued(tenant, debtor, "Bakkerij De Gouden Korst B.V.", "NL44RABO0123456789",
                "CO26-0002", 8402, "121.00", LocalDate.now().minusDays(60));
        InvoiceEvents.publish(first);
        InvoiceEvents.publish(second);
        PaymentApiTest.awaitOpen(second.invoiceId().value().toString(), "121.00");

        // when the gateway reports the agency's payment (the contract example: 300.00 as 242.00 + 58.00), twice
        CollectionPaymentReported example = EventExamples.event(CollectionPaymentReported.class);
        UUID reportId = UUID.randomUUID();
        CollectionPaymentReported reported = new CollectionPaymentReported(tenant, example.collectionCaseId(), reportId,
                example.partner(), debtor, example.amount(), example.valueDate(), List.of(
                        new CollectionPaymentReported.Part(first.invoiceId(), example.invoices().get(0).amount()),
                        new CollectionPaymentReported.Part(second.invoiceId(), example.invoices().get(1).amount())),
                example.agencyCosts(), example.occurredAt());
        InvoiceEvents.publish(reported);
        InvoiceEvents.publish(reported);

        // then one payment, source COLLECTION, pays the first and lowers the second
        PaymentApiTest.awaitOpen(second.invoiceId().value().toString(), "63.00");
        PaymentApiTest.awaitOpen(first.invoiceId().value().toString(), null);
        given().when().get("/payments/" + reportId).then().statusCode(200).body("source", is("COLLECTION"))
                .body("rule", is("COLLECTION")).body("payerName", is("Incassobureau Noord B.V."));
        PaymentReceived event = (PaymentReceived) ((CloudEventsKafka.Known) CloudEventsKafka.standard().decode(
                PaymentApiTest.published(reportId.toString(), "nl.tijdig.payment.PaymentReceived.v1"))).envelope().data();
        assertThat(event.source()).isEqualTo(PaymentReceived.Source.COLLECTION);
        assertThat(event.allocations()).extracting(a -> a.openPrincipalAfter().amount().toPlainString())
                .containsExactly("0.00", "63.00");
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() ->
                given().when().get("/payments").then().body("payments", hasSize(1)));

        // when the second invoice is assigned to a factor (the contract example), and the debtor has a mandate
        InvoiceAssigned assigned = EventExamples.event(InvoiceAssigned.class);
        InvoiceEvents.publish(new InvoiceAssigned(tenant, second.invoiceId(), debtor, assigned.factor(),
                assigned.assignedOn(), assigned.advance(), assigned.fee(), assigned.occurredAt()));
        MoneyOutApiTest.creditorProfile(TENANT);
        given().contentType(ContentType.JSON).body("""
                {"mandateId": "MND-CO-1", "scheme": "B2B", "iban": "NL44RABO0123456789", "signedOn": "2026-01-05"}""")
                .when().put("/debtors/" + debtor.value() + "/mandate").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"creditorId\": \"NL24ZZZ302049230000\"}")
                .when().put("/direct-debit-settings").then().statusCode(200);

        // then the open item shows it is with the factor, and no direct-debit run collects it
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/open-items?debtorId=" + debtor.value()).then()
                .body("openItems.find { it.invoiceId == '" + second.invoiceId().value() + "' }.handedOver", is("FACTOR")));
        String run = "{\"collectionDate\": \"" + MoneyOutApiTest.nextCollectionDay() + "\"}";
        AtomicInteger status = new AtomicInteger();
        await().atMost(WAIT).until(() -> { // 422 until the creditor profile has arrived
            status.set(given().contentType(ContentType.JSON).body(run).when().post("/sepa-files/direct-debits")
                    .then().extract().statusCode());
            return status.get() != 422;
        });
        assertThat(status.get()).as("the first run once the profile is here: nothing to collect").isEqualTo(409);
    }
}
