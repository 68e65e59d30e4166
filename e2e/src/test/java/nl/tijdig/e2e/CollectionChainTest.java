package nl.tijdig.e2e;

import nl.tijdig.launcher.demo.DemoPartners;
import nl.tijdig.launcher.demo.Tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The whole road of an unpaid consumer invoice: issued, overdue, a friendly reminder by email, a phone task, the
 * 14-dagenbrief by post, the creditor's approval, escalation to the collection agency, the agency's signed callback
 * with the money it collected, and the case closed in every service.
 */
class CollectionChainTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void an_unpaid_consumer_invoice_goes_from_reminders_to_the_agency_and_closes_when_the_agency_collects() throws Exception {
        try (DemoPartners agency = new DemoPartners()) {
            // given a creditor with a collection agency for consumers, and an invoice to a consumer
            Tenant creditor = Tenant.create(Stack.target(), "chain");
            JsonPath partner = creditor.call("collection-gateway").body(Map.of("name", "Incassobureau Zuid", "kind", "REST_AGENCY",
                    "segment", "B2C", "priority", 1, "active", true, "baseUrl", agency.agencyUrl(), "apiKey", "agency-key"))
                    .post("/partners").then().statusCode(201).extract().jsonPath();
            String email = "j.devries-" + creditor.tenantId.toString().substring(0, 8) + "@example.nl";
            String debtor = creditor.call("invoice-service").body(Map.of("kind", "CONSUMER", "name", "J. de Vries",
                    "email", email, "address", Map.of("street", "Dorpsstraat 1", "postalCode", "1234 AB", "city",
                            "Ergens", "countryCode", "NL")))
                    .post("/debtors").then().statusCode(201).extract().path("id");
            JsonPath invoice = creditor.invoice(debtor, 6);
            String invoiceId = invoice.getString("invoiceId");
            await().atMost(WAIT).until(() -> creditor.dunningCase(invoiceId) != null);

            // when the debtor does not pay and the business days go by, the scheduler running each day something is due
            walkUntil(creditor, invoiceId, "AWAITING_APPROVAL");

            // then the debtor was reminded by email, a phone task was made, and the 14-dagenbrief went by post
            JsonPath waiting = creditor.dunningCase(invoiceId);
            assertThat(waiting.getList("state.taken.key")).containsSubsequence("friendly", "phone", "final");
            assertThat(Mail.to(email)).as("email to the debtor: reminder and final notice").hasSizeGreaterThanOrEqualTo(2);
            assertThat(Stack.platform().mailbox().letters()).anySatisfy(letter -> {
                String envelope = Files.readString(letter.resolveSibling(letter.getFileName().toString()
                        .replace(".pdf", ".envelope.txt")));
                assertThat(envelope).contains("J. de Vries", "Dorpsstraat 1");
                assertThat(Files.readAllBytes(letter)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
            });

            // when the creditor approves the hand-over
            creditor.call("dunning-service").body("{}").post("/cases/" + invoiceId + "/approval").then().statusCode(200);

            // then the agency gets the case once, with its key, as the contract says
            await().atMost(WAIT).until(() -> agency.cases().size() == 1);
            DemoPartners.Received handed = agency.cases().get(0);
            assertThat(handed.authorization()).isEqualTo("Bearer agency-key");
            String caseReference = handed.request().path("caseReference").asText();
            assertThat(handed.idempotencyKey()).isEqualTo(caseReference);
            assertThat(handed.request().path("dossier").toString()).contains(invoice.getString("invoiceNumber"), "J. de Vries");
            assertThat(creditor.dunningCase(invoiceId).getString("state.status")).isEqualTo("ESCALATED");

            // when the agency accepts, collects the whole invoice and reports it, signed
            String callback = partner.getString("partner.callbackPath");
            String secret = partner.getString("callbackSecret");
            signedCallback(callback, secret, Map.of("caseReference", caseReference, "status", "ACCEPTED",
                    "partnerReference", "INC-1"));
            signedCallback(callback, secret, Map.of("caseReference", caseReference, "status", "PAYMENT_COLLECTED",
                    "reportId", UUID.randomUUID().toString(), "amount", Map.of("amount", invoice.getString("totalInclVat.amount"), "currency", "EUR"),
                    "valueDate", Stack.today().toString()));

            // then the payment-service booked it, the invoice is paid and the dunning case closed
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(creditor.invoiceView(invoiceId).getString("status")).isEqualTo("PAID");
                assertThat(creditor.dunningCase(invoiceId).getString("state.status")).isEqualTo("CLOSED");
            });

            // and when the agency closes its case, the collection case is closed too
            signedCallback(callback, secret, Map.of("caseReference", caseReference, "status", "CLOSED", "reason", "betaald"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(creditor.call("collection-gateway")
                    .get("/collection-cases/" + caseReference).then().statusCode(200).extract().path("collectionCase.status").toString())
                    .isEqualTo("CLOSED"));
        }
    }

    /**
     * Moves the business clock to each day the case has something due and runs the scheduler, waiting for each letter's
     * delivery, until the case reaches {@code status}.
     */
    private static void walkUntil(Tenant creditor, String invoiceId, String status) {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (true) {
            JsonPath now = creditor.dunningCase(invoiceId);
            String current = now.getString("state.status");
            if (status.equals(current)) {
                return;
            }
            assertThat(System.nanoTime()).as("the case reaches " + status + "; it is " + now.prettify()).isLessThan(deadline);
            assertThat(current).as("the case is not closed on its way").isNotEqualTo("CLOSED");
            if ("AWAITING_DELIVERY".equals(current)) {
                Stack.sleep(Duration.ofMillis(500));
                continue;
            }
            String next = now.getString("nextActionOn");
            LocalDate today = Stack.today();
            if (next != null && LocalDate.parse(next).isAfter(today)) {
                Stack.moveTo(LocalDate.parse(next));
            }
            Stack.runDunning();
            Stack.sleep(Duration.ofMillis(500));
        }
    }

    /**
     * A callback of the agency, signed as Standard Webhooks with the partner's callback secret, stamped with the
     * agency's own clock: transport time, which the platform checks against its wall clock however far the demo
     * moved the business clock.
     */
    private static void signedCallback(String path, String secret, Map<String, Object> body) throws Exception {
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        String id = "msg-" + UUID.randomUUID();
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + json)
                .getBytes(StandardCharsets.UTF_8)));
        io.restassured.RestAssured.given().baseUri(Stack.url("collection-gateway")).contentType("application/json")
                .header("webhook-id", id).header("webhook-timestamp", timestamp).header("webhook-signature", "v1," + signature)
                .body(json).post(path).then().log().ifValidationFails().statusCode(200);
    }
}
