package nl.tijdig.e2e;

import nl.tijdig.launcher.demo.Tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An accounting package subscribed to the story of an invoice gets all of it, each fact once, signed: issued (the
 * invoice-service), reminded (the dunning-service), the reminder sent (the notification-service), paid (the
 * payment-service) and the case closed (the dunning-service again).
 */
class WebhookStoryTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> STORY = List.of("nl.tijdig.invoice.InvoiceIssued.v1", "nl.tijdig.dunning.ReminderDue.v1",
            "nl.tijdig.notification.ReminderSent.v1", "nl.tijdig.payment.PaymentReceived.v1",
            "nl.tijdig.dunning.DunningCaseClosed.v1");

    @Test
    void a_webhook_receiver_gets_the_whole_story_of_an_invoice_once_and_signed() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // given a creditor whose accounting package subscribed to the story's events
            Tenant creditor = Tenant.create(Stack.target(), "webhooks");
            JsonPath subscribed = creditor.call("notification-service").body(Map.of("url", receiver.url(), "eventTypes", STORY,
                    "description", "Boekhouding")).post("/webhook-subscriptions").then().statusCode(201).extract().jsonPath();
            String secret = subscribed.getString("secret");
            String debtor = creditor.businessDebtor("Bakkerij De Gouden Korst B.V.",
                    "webhook-" + creditor.tenantId.toString().substring(0, 8) + "@goudenkorst.nl");

            // when an invoice is issued
            JsonPath invoice = creditor.invoice(debtor, 8);
            awaitTypes(receiver, STORY.subList(0, 1));

            // and it is overdue, so a reminder goes out
            LocalDate due = LocalDate.parse(invoice.getString("dueDate"));
            Stack.moveTo(due.plusDays(2).isAfter(Stack.today()) ? due.plusDays(2) : Stack.today());
            await().atMost(WAIT).untilAsserted(() -> {
                Stack.runDunning();
                assertThat(types(receiver)).containsAll(STORY.subList(0, 3));
            });

            // and the debtor pays it
            creditor.pay(invoice.getString("totalInclVat.amount"), invoice.getString("paymentReference"), Stack.today());
            awaitTypes(receiver, STORY);

            // then each fact arrived once, about this invoice, and signed with the secret; the facts before the payment
            // in the order they happened. The payment and the case it closes are facts of two subjects, delivered
            // independently, so they may arrive in either order (docs/webhooks.md, "Ordering").
            Stack.sleep(Duration.ofSeconds(2));
            List<WebhookReceiver.Delivery> deliveries = receiver.deliveries();
            assertThat(types(receiver)).containsExactlyInAnyOrderElementsOf(STORY);
            assertThat(types(receiver).subList(0, 3)).containsExactlyElementsOf(STORY.subList(0, 3));
            assertThat(deliveries).extracting(WebhookReceiver.Delivery::webhookId).doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(id).isNotBlank());
            assertThat(deliveries).allSatisfy(d -> {
                assertThat(WebhookReceiver.verifies(d, secret)).as("signature of " + d.type()).isTrue();
                // stamped with the time it was sent, which a receiver checks against its own clock (Standard Webhooks:
                // within five minutes), although the story moved the platform's business clock days ahead
                assertThat(Math.abs(Long.parseLong(d.timestamp()) - d.receivedAt().getEpochSecond()))
                        .as("webhook-timestamp of " + d.type() + " against the receiver's clock").isLessThanOrEqualTo(300);
                assertThat(d.event().path("id").asText()).isEqualTo(d.webhookId());
                assertThat(d.event().path("tenantid").asText()).isEqualTo(creditor.tenantId.toString());
                assertThat(d.body()).contains(invoice.getString("invoiceId"));
            });
            // and the Standard Webhooks reference library, on this machine's clock, accepts every one of them
            ReferenceVerifier.verify(secret, deliveries).ifPresent(verdicts -> {
                assertThat(verdicts.keySet()).containsExactlyInAnyOrderElementsOf(
                        deliveries.stream().map(WebhookReceiver.Delivery::webhookId).toList());
                assertThat(verdicts).as("refused by the reference verifier").allSatisfy((id, refusal) -> assertThat(refusal).isEmpty());
            });
            // (and refuses one whose body was changed on the way: it does check)
            WebhookReceiver.Delivery first = deliveries.get(0);
            ReferenceVerifier.verify(secret, List.of(new WebhookReceiver.Delivery(first.webhookId(), first.timestamp(),
                    first.signature(), first.body() + " ", first.event(), first.receivedAt())))
                    .ifPresent(verdicts -> assertThat(verdicts.get(first.webhookId())).isNotEmpty());
        }
    }

    private static List<String> types(WebhookReceiver receiver) {
        return receiver.deliveries().stream().map(WebhookReceiver.Delivery::type).toList();
    }

    private static void awaitTypes(WebhookReceiver receiver, List<String> expected) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(types(receiver)).containsAll(expected));
    }
}
