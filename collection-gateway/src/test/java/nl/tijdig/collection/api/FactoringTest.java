package nl.tijdig.collection.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.tijdig.events.Allocation;
import nl.tijdig.events.EscalatedToCollection;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.EventJson;
import nl.tijdig.events.FactoringAccepted;
import nl.tijdig.events.FactoringOffered;
import nl.tijdig.events.FactoringRejected;
import nl.tijdig.events.InvoiceAssigned;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.PaymentId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "collection"))
class FactoringTest {

    static final String SOLD = "0193a6f2-0000-7000-8000-0000000000c1";
    static final String DECLINED = "0193a6f2-0000-7000-8000-0000000000c2";
    static final String REFUSED = "0193a6f2-0000-7000-8000-0000000000c3";

    static final String ACCEPTS = """
            {"decision": "ACCEPTED", "advance": {"amount": "980.10", "currency": "EUR"}, "fee": {"amount": "27.23", "currency": "EUR"},
             "reference": "FZ-2026-1187", "assignedOn": "2026-10-20"}""";

    static String factor(PartnerServer server) {
        return given().contentType(ContentType.JSON).body(Map.of("name", "Factor Zuid B.V.", "kind", "FACTOR", "baseUrl", server.url(),
                "apiKey", "factor-key-1")).when().post("/partners").then().statusCode(201).extract().path("partner.partnerId");
    }

    /** The invoice-service issues an invoice of € 1.210,00 (its contract example, under a new id) for the tenant. */
    static InvoiceId issue(String tenant, String id) {
        Events.publish(Events.example(InvoiceIssued.class, Map.of("tenantId", tenant, "invoiceId", id)));
        return new InvoiceId(UUID.fromString(id));
    }

    /** The invoice as factoring sees it, once the gateway knows it. */
    static JsonPath invoice(String invoiceId) {
        await().atMost(Events.WAIT).until(() -> given().when().get("/factoring-offers/invoices/" + invoiceId).statusCode() == 200);
        return given().when().get("/factoring-offers/invoices/" + invoiceId).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath offer(String invoiceId, int expected) {
        return given().contentType(ContentType.JSON).body(Map.of("invoiceId", invoiceId)).when().post("/factoring-offers").then()
                .statusCode(expected).extract().jsonPath();
    }

    static String status(String offerId) {
        return given().when().get("/factoring-offers/" + offerId).then().extract().path("status");
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = SOLD))
    void an_open_invoice_offered_to_the_factor_is_accepted_and_assigned_to_it() throws Exception {
        TenantId tenant = new TenantId(UUID.fromString(SOLD));
        try (PartnerServer server = new PartnerServer().succeedWith(ACCEPTS)) {
            // given the tenant's factor, and an invoice of € 1.210,00 of which € 121,00 was paid
            String partnerId = factor(server);
            String invoiceId = UUID.randomUUID().toString();
            issue(SOLD, invoiceId);
            Money part = Money.of("121.00", "EUR");
            Events.publish(new PaymentReceived(tenant, new PaymentId(UUID.randomUUID()), null, part, LocalDate.of(2026, 10, 2),
                    PaymentReceived.Source.API, "Bakkerij De Gouden Korst B.V.", null, null,
                    List.of(new Allocation(new InvoiceId(UUID.fromString(invoiceId)), part, Money.of("1089.00", "EUR"))),
                    Money.zero(Money.EUR), Instant.now()));
            await().atMost(Events.WAIT).until(() -> "1089.00".equals(invoice(invoiceId).getString("open.amount")));
            assertThat(invoice(invoiceId).getString("factoring")).isEqualTo("OPEN");
            // when the creditor offers it (naming no factor: the one it has)
            JsonPath offered = offer(invoiceId, 201);
            String offerId = offered.getString("offerId");
            assertThat(offered.getString("status")).isEqualTo("OFFERED");
            assertThat(offered.getString("offered.amount")).isEqualTo("1089.00");
            assertThat(offered.getString("partnerId")).isEqualTo(partnerId);
            // then the factor gets it once, with its key and the offer as idempotency key, and accepts
            await().atMost(Events.WAIT).until(() -> "ACCEPTED".equals(status(offerId)));
            assertThat(server.received()).hasSize(1);
            PartnerServer.Received request = server.received().get(0);
            assertThat(request.path()).isEqualTo("/api/offers");
            assertThat(request.headers()).containsEntry("authorization", "Bearer factor-key-1").containsEntry("idempotency-key", offerId);
            JsonNode sent = EventJson.mapper().readTree(request.body());
            assertThat(sent.path("offerReference").asText()).isEqualTo(offerId);
            assertThat(sent.path("invoice").path("invoiceNumber").asText()).isEqualTo("2026-00042");
            assertThat(sent.path("invoice").path("dueDate").asText()).isEqualTo("2026-10-01");
            assertThat(sent.path("invoice").path("open").path("amount").asText()).isEqualTo("1089.00");
            assertThat(sent.path("debtor").path("name").asText()).isEqualTo("Bakkerij De Gouden Korst B.V.");
            assertThat(sent.path("debtor").path("segment").asText()).isEqualTo("B2B");
            given().when().get("/factoring-offers/" + offerId).then().body("advance.amount", is("980.10")).body("fee.amount", is("27.23"))
                    .body("factorReference", is("FZ-2026-1187"));
            // and the facts are published: offered, accepted, and the invoice assigned (as in the contract example)
            FactoringOffered offeredEvent = Events.published(tenant, FactoringOffered.class, 1).get(0);
            assertThat(offeredEvent.offered()).isEqualTo(Money.of("1089.00", "EUR"));
            assertThat(offeredEvent.invoiceId().toString()).isEqualTo(invoiceId);
            FactoringAccepted accepted = Events.published(tenant, FactoringAccepted.class, 1).get(0);
            assertThat(accepted.factorReference()).isEqualTo("FZ-2026-1187");
            InvoiceAssigned assigned = Events.published(tenant, InvoiceAssigned.class, 1).get(0);
            InvoiceAssigned example = EventExamples.event(InvoiceAssigned.class);
            assertThat(assigned.invoiceId().toString()).isEqualTo(invoiceId);
            assertThat(assigned.debtorId()).isEqualTo(example.debtorId());
            assertThat(assigned.factor()).isEqualTo(example.factor());
            assertThat(assigned.assignedOn()).isEqualTo(example.assignedOn());
            assertThat(assigned.advance()).isEqualTo(Money.of("980.10", "EUR"));
            assertThat(assigned.fee()).isEqualTo(Money.of("27.23", "EUR"));
            // and the invoice is the factor's: it cannot be offered again
            assertThat(invoice(invoiceId).getString("factoring")).isEqualTo("ASSIGNED");
            offer(invoiceId, 409);
            given().when().get("/factoring-offers?status=ACCEPTED").then().body("size()", is(1)).body("[0].offerId", is(offerId));
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = DECLINED))
    void a_declined_offer_or_a_factor_that_stays_down_leaves_the_invoice_the_creditors_to_offer_again() {
        TenantId tenant = new TenantId(UUID.fromString(DECLINED));
        try (PartnerServer server = new PartnerServer().succeedWith("{\"decision\": \"REJECTED\", \"reason\": \"Debiteur buiten ons acceptatiebeleid\"}")) {
            factor(server);
            String invoiceId = UUID.randomUUID().toString();
            issue(DECLINED, invoiceId);
            invoice(invoiceId);
            // when the factor declines, taking its time (2 s)
            server.delayNext(2000L);
            String first = offer(invoiceId, 201).getString("offerId");
            // while offered, the invoice is not offered twice
            offer(invoiceId, 409);
            await().atMost(Events.WAIT).until(() -> "REJECTED".equals(status(first)));
            given().when().get("/factoring-offers/" + first).then().body("reason", is("Debiteur buiten ons acceptatiebeleid"));
            // when it is offered again and the factor stays down: given up after the tests' 3 attempts
            server.answerAlways(503);
            String second = offer(invoiceId, 201).getString("offerId");
            await().atMost(Events.WAIT).until(() -> "REJECTED".equals(status(second)));
            given().when().get("/factoring-offers/" + second).then().body("reason", startsWith("the factor did not take the offer: HTTP 503"))
                    .body("attempts", is(3));
            List<FactoringRejected> rejected = Events.published(tenant, FactoringRejected.class, 2);
            assertThat(rejected).extracting(FactoringRejected::offerId).containsExactlyInAnyOrder(UUID.fromString(first), UUID.fromString(second));
            Events.published(tenant, InvoiceAssigned.class, 0);
            assertThat(server.received()).hasSize(4).extracting(r -> r.headers().get("idempotency-key")).containsOnly(first, second);
            assertThat(invoice(invoiceId).getString("factoring")).isEqualTo("OPEN");
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = REFUSED))
    void an_offer_that_cannot_be_made_changes_nothing() {
        // no invoice named, or not a UUID
        given().contentType(ContentType.JSON).body("{}").when().post("/factoring-offers").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("invoiceId"));
        given().contentType(ContentType.JSON).body(Map.of("invoiceId", "42", "partnerId", "x")).when().post("/factoring-offers").then()
                .statusCode(422).body("errors.field", hasItem("invoiceId")).body("errors.field", hasItem("partnerId"));
        // an invoice the gateway does not know for this tenant
        given().contentType(ContentType.JSON).body(Map.of("invoiceId", UUID.randomUUID().toString())).when().post("/factoring-offers")
                .then().statusCode(422).body("errors.field", hasItem("invoiceId"));
        // an invoice, but no factor: none to choose, an agency named
        String invoiceId = UUID.randomUUID().toString();
        issue(REFUSED, invoiceId);
        invoice(invoiceId);
        assertThat(offer(invoiceId, 422).getList("errors.field")).contains("partnerId");
        String agency = given().contentType(ContentType.JSON).body(Map.of("name", "Incassobureau", "kind", "CSV_AGENCY", "active", false))
                .when().post("/partners").then().statusCode(201).extract().path("partner.partnerId");
        given().contentType(ContentType.JSON).body(Map.of("invoiceId", invoiceId, "partnerId", agency)).when().post("/factoring-offers")
                .then().statusCode(422).body("errors.field", hasItem("partnerId"));
        // an invoice at a collection agency (the escalation's first invoice)
        given().contentType(ContentType.JSON).body(Map.of("name", "Incassobureau Actief", "kind", "CSV_AGENCY")).when().post("/partners")
                .then().statusCode(201);
        EscalatedToCollection escalation = AgencyConnectorTest.escalate(REFUSED);
        String atAgency = escalation.invoices().get(0).invoiceId().toString();
        issue(REFUSED, atAgency);
        await().atMost(Events.WAIT).until(() -> given().when().get("/factoring-offers/invoices/" + atAgency).statusCode() == 200
                && given().when().get("/factoring-offers/invoices/" + atAgency).then().extract().<Boolean>path("atCollectionAgency"));
        assertThat(offer(atAgency, 409).getList("errors.field")).contains("invoiceId");
        // bad queries and unknown offers
        given().when().get("/factoring-offers?status=SOLD&limit=0").then().statusCode(422).body("errors.field", hasItem("status"))
                .body("errors.field", hasItem("limit"));
        given().when().get("/factoring-offers/" + UUID.randomUUID()).then().statusCode(404);
        given().when().get("/factoring-offers/invoices/" + UUID.randomUUID()).then().statusCode(404);
        given().when().get("/factoring-offers").then().statusCode(200).body("size()", is(0));
        Events.published(new TenantId(UUID.fromString(REFUSED)), FactoringOffered.class, 0);
    }
}
