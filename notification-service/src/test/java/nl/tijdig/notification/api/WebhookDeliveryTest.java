package nl.tijdig.notification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.tijdig.events.CreditorProfileUpdated;
import nl.tijdig.events.CreditorSnapshot;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.events.PaymentUnmatched;
import nl.tijdig.events.WebhookEndpointDisabled;
import nl.tijdig.events.WeeklyOverviewCompiled;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.notification.MailServer;
import nl.tijdig.notification.ProviderServer;
import nl.tijdig.notification.webhooks.StandardWebhooksVerifier;
import nl.tijdig.notification.webhooks.WebhookReceiver;
import nl.tijdig.runtime.clock.MovableClock;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = ProviderServer.class, scope = TestResourceScope.GLOBAL, parallel = true)
class WebhookDeliveryTest {

    static final String SIGNED = "0193a6f2-0000-7000-8000-0000000000c1";
    static final String RETRIED = "0193a6f2-0000-7000-8000-0000000000c2";
    static final String DISABLED = "0193a6f2-0000-7000-8000-0000000000c3";
    static final String ROTATED = "0193a6f2-0000-7000-8000-0000000000c4";
    static final String REFUSED = "0193a6f2-0000-7000-8000-0000000000c5";
    static final String ISOLATED = "0193a6f2-0000-7000-8000-0000000000c6";
    static final String NEIGHBOUR = "0193a6f2-0000-7000-8000-0000000000c7";
    static final String SLOW = "0193a6f2-0000-7000-8000-0000000000c8";
    static final String WALL_CLOCK = "0193a6f2-0000-7000-8000-0000000000c9";

    static final String PAYMENT_RECEIVED = "nl.tijdig.payment.PaymentReceived.v1";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Clock clock;

    @AfterEach
    void clockBack() {
        ((MovableClock) clock).reset();
    }

    /** Subscribes the tenant of the test's identity; the answer holds the secret. */
    static JsonPath subscribe(String url, String... types) {
        return given().contentType(ContentType.JSON).body(Map.of("url", url, "eventTypes", List.of(types), "description", "boekhouding"))
                .when().post("/webhook-subscriptions").then().statusCode(201)
                .header("Location", containsString("/webhook-subscriptions/"))
                .body("secret", startsWith("whsec_")).body("subscription.status", is("ACTIVE")).extract().jsonPath();
    }

    /** How many of the subscription's deliveries have this status. */
    static int deliveries(String subscription, String status) {
        return given().when().get("/webhook-subscriptions/" + subscription + "/deliveries?status=" + status).then()
                .extract().jsonPath().getList("$").size();
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static PaymentReceived payment(TenantId tenant) {
        return Events.example(PaymentReceived.class, tenant);
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = SIGNED))
    void a_subscribed_event_arrives_once_signed_by_the_standard_with_what_orders_it() throws Exception {
        TenantId tenant = new TenantId(UUID.fromString(SIGNED));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // given the tenant subscribed an endpoint to payments received
            JsonPath created = subscribe(receiver.url("/tijdig/hooks"), PAYMENT_RECEIVED);
            String secret = created.getString("secret");
            String id = created.getString("subscription.subscriptionId");
            // and the secret is never shown again
            assertThat(given().when().get("/webhook-subscriptions").then().statusCode(200).extract().asString()).doesNotContain("whsec_");
            given().when().get("/webhook-subscriptions/" + id).then().statusCode(200).body("url", is(receiver.url("/tijdig/hooks")))
                    .body("eventTypes", hasItem(PAYMENT_RECEIVED)).body("createdBy", is("admin"));
            // when the payment-service publishes a payment (its contract example) twice, at place 3 of its stream, and an unmatched one
            PaymentReceived payment = payment(tenant);
            UUID eventId = UUID.randomUUID();
            Events.publish(eventId, payment, 3);
            Events.publish(eventId, payment, 3);
            Events.publish(Events.example(PaymentUnmatched.class, tenant));
            // then the endpoint gets the payment once
            await().atMost(Events.WAIT).until(() -> receiver.received().size() >= 1);
            Thread.sleep(Duration.ofSeconds(3));
            assertThat(receiver.received()).hasSize(1);
            WebhookReceiver.Received request = receiver.received().get(0);
            // signed as the Standard Webhooks specification says, verified by a verifier written from it
            StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(secret);
            assertThat(verifier.verify(request.headers(), request.body(), Instant.now())).isTrue();
            assertThat(verifier.verify(request.headers(), request.body() + " ", Instant.now())).isFalse();
            assertThat(new StandardWebhooksVerifier("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]))
                    .verify(request.headers(), request.body(), Instant.now())).isFalse();
            assertThat(request.header("webhook-id")).isEqualTo(eventId.toString());
            assertThat(request.header("content-type")).startsWith("application/json");
            assertThat(request.path()).isEqualTo("/tijdig/hooks");
            // with what lets the receiver order it: the aggregate and the event's place in its stream
            JsonNode body = json(request.body());
            assertThat(body.path("type").asText()).isEqualTo(PAYMENT_RECEIVED);
            assertThat(body.path("id").asText()).isEqualTo(eventId.toString());
            assertThat(body.path("subject").asText()).isEqualTo(payment.paymentId().toString());
            assertThat(body.path("sequence").asLong()).isEqualTo(3);
            assertThat(body.path("tenantid").asText()).isEqualTo(SIGNED);
            // and the event as in its contract
            assertThat(body.path("data").path("amount").path("amount").asText()).isEqualTo("1088.60");
            assertThat(body.path("data").path("allocations").get(0).path("invoiceId").asText())
                    .isEqualTo("0193a6f2-1111-7111-8111-000000000001");
            // and the delivery is listed and inspected with its attempt
            String delivery = given().when().get("/webhook-subscriptions/" + id + "/deliveries").then().statusCode(200)
                    .body("size()", is(1)).body("[0].status", is("DELIVERED")).body("[0].sequence", is(3))
                    .body("[0].eventType", is(PAYMENT_RECEIVED)).extract().path("[0].deliveryId");
            String shown = given().when().get("/webhook-deliveries/" + delivery).then().statusCode(200)
                    .body("attempts.size()", is(1)).body("attempts[0].statusCode", is(200)).body("attempts[0].response", is("ok"))
                    .extract().path("body");
            assertThat(shown).isEqualTo(request.body());
            // when the subscription is removed, nothing more arrives
            given().when().delete("/webhook-subscriptions/" + id).then().statusCode(204);
            given().when().get("/webhook-subscriptions/" + id).then().statusCode(404);
            Events.publish(payment(tenant));
            Thread.sleep(Duration.ofSeconds(3));
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = RETRIED))
    void a_failing_delivery_is_retried_dead_lettered_and_replayed_and_holds_back_no_other() throws Exception {
        TenantId tenant = new TenantId(UUID.fromString(RETRIED));
        try (WebhookReceiver flaky = new WebhookReceiver(); WebhookReceiver down = new WebhookReceiver()) {
            // given an endpoint that answers 503 twice before it takes the event, and one that is down
            flaky.answerNext(503, 503);
            down.answerAlways(500);
            String flakyId = subscribe(flaky.url("/hooks"), PAYMENT_RECEIVED).getString("subscription.subscriptionId");
            String downId = subscribe(down.url("/hooks"), PAYMENT_RECEIVED).getString("subscription.subscriptionId");
            // when two payments are published
            Events.publish(payment(tenant));
            Events.publish(payment(tenant));
            // then the flaky endpoint has both, one of them after its retries, each with the same webhook-id every time
            await().atMost(Events.WAIT).until(() -> deliveries(flakyId, "DELIVERED") == 2);
            assertThat(flaky.received()).hasSize(4);
            assertThat(flaky.received().stream().map(r -> r.header("webhook-id")).distinct()).hasSize(2);
            // and the endpoint that is down has both dead-lettered after a round of attempts (4 in the tests' schedule)
            await().atMost(Events.WAIT).until(() -> deliveries(downId, "DEAD") == 2);
            List<String> dead = given().when().get("/webhook-subscriptions/" + downId + "/deliveries?status=DEAD").then()
                    .body("[0].attempts", is(4)).body("[0].lastStatusCode", is(500)).extract().jsonPath().getList("deliveryId");
            given().when().get("/webhook-deliveries/" + dead.get(0)).then().statusCode(200).body("attempts.size()", is(4))
                    .body("attempts.statusCode", hasItem(500)).body("attempts[3].response", is("not now"));
            assertThat(down.received()).hasSize(8);
            // when the endpoint is back and one delivery is replayed by id, the other by the subscription's replay
            down.answerAlways(200);
            given().when().post("/webhook-deliveries/" + dead.get(0) + "/replay").then().statusCode(200).body("delivery.status", is("PENDING"));
            given().contentType(ContentType.JSON).body(Map.of("since", "2026-01-01T00:00:00Z"))
                    .when().post("/webhook-subscriptions/" + downId + "/replay").then().statusCode(200).body("replayed", is(1));
            // then both arrive
            await().atMost(Events.WAIT).until(() -> deliveries(downId, "DELIVERED") == 2);
            given().when().get("/webhook-deliveries/" + dead.get(0)).then().body("attempts.size()", is(5)).body("attempts[4].statusCode", is(200));
            // and bad queries are refused naming the field
            given().when().get("/webhook-subscriptions/" + downId + "/deliveries?status=LOST&limit=0").then().statusCode(422)
                    .contentType("application/problem+json").body("errors.field", hasItem("status")).body("errors.field", hasItem("limit"));
            given().contentType(ContentType.JSON).body("{}").when().post("/webhook-subscriptions/" + downId + "/replay")
                    .then().statusCode(422).body("errors.field", hasItem("since"));
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = DISABLED))
    void an_endpoint_failing_for_days_is_disabled_the_tenant_told_and_enabled_again() throws Exception {
        TenantId tenant = new TenantId(UUID.fromString(DISABLED));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // given an endpoint that fails every delivery of a first payment
            receiver.answerAlways(503);
            String url = receiver.url("/hooks");
            String id = subscribe(url, PAYMENT_RECEIVED).getString("subscription.subscriptionId");
            Events.publish(payment(tenant));
            await().atMost(Events.WAIT).until(() -> deliveries(id, "DEAD") == 1);
            given().when().get("/webhook-subscriptions/" + id).then().body("status", is("ACTIVE")).body("failingSince", notNullValue());
            // when six days later the next payment fails too
            ((MovableClock) clock).moveTo(Instant.now().plus(Duration.ofDays(6)));
            Events.publish(payment(tenant));
            // then the subscription is disabled and the tenant told by an event
            await().atMost(Events.WAIT).until(() -> "DISABLED".equals(given().when().get("/webhook-subscriptions/" + id).then()
                    .extract().path("status")));
            WebhookEndpointDisabled told = Events.published(tenant, WebhookEndpointDisabled.class, 1).get(0);
            assertThat(told.subscriptionId()).isEqualTo(UUID.fromString(id));
            assertThat(told.url()).isEqualTo(url);
            assertThat(told.lastError()).isEqualTo("HTTP 503");
            // and nothing more is sent while it is disabled, and a replay is refused
            int before = receiver.received().size();
            receiver.answerAlways(200);
            Events.publish(payment(tenant));
            Thread.sleep(Duration.ofSeconds(3));
            assertThat(receiver.received()).hasSize(before);
            String dead = given().when().get("/webhook-subscriptions/" + id + "/deliveries?status=DEAD").then().extract().path("[0].deliveryId");
            given().when().post("/webhook-deliveries/" + dead + "/replay").then().statusCode(409).body("errors.field", hasItem("status"));
            // and the weekly overview mail names it
            String address = "webhooks-" + UUID.randomUUID() + "@helder.test";
            CreditorProfileUpdated p = Events.example(CreditorProfileUpdated.class, tenant);
            CreditorSnapshot c = p.creditor();
            Events.publish(new CreditorProfileUpdated(tenant, new CreditorSnapshot(c.name(), c.kvkNumber(), c.vatId(), c.iban(), c.bic(),
                    address, c.address()), p.logoUrl(), p.footer(), p.b2bTermDays(), p.b2cTermDays(), p.invoiceSeries(), p.occurredAt()));
            WeeklyOverviewCompiled w = Events.example(WeeklyOverviewCompiled.class, tenant);
            Events.publish(new WeeklyOverviewCompiled(tenant, UUID.randomUUID(), w.week(), w.on(), w.openTotal(), w.openCount(),
                    w.overdueTotal(), w.overdueCount(), w.aging(), w.dsoDays(), w.paidInWeek(), w.newlyOverdue(), w.attention(),
                    w.oldestOverdue(), w.moreOverdue(), w.occurredAt()));
            await().atMost(Events.WAIT).until(() -> !MailServer.to(address).isEmpty());
            assertThat(Mails.read(MailServer.to(address).get(0)).flatText()).contains("Uitgeschakelde webhooks", url, "HTTP 503");
            // when the tenant enables it again, the waiting deliveries go out
            given().when().post("/webhook-subscriptions/" + id + "/enable").then().statusCode(200).body("status", is("ACTIVE"))
                    .body("failingSince", nullValue());
            await().atMost(Events.WAIT).until(() -> deliveries(id, "DELIVERED") == 2);
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = ROTATED))
    void a_rotated_secret_signs_beside_the_old_one_until_the_overlap_ends() throws Exception {
        TenantId tenant = new TenantId(UUID.fromString(ROTATED));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // given a subscription and its secret
            JsonPath created = subscribe(receiver.url("/hooks"), PAYMENT_RECEIVED);
            String old = created.getString("secret");
            String id = created.getString("subscription.subscriptionId");
            // when the secret is rotated
            JsonPath rotated = given().when().post("/webhook-subscriptions/" + id + "/secret-rotation").then().statusCode(200)
                    .body("secret", startsWith("whsec_")).body("subscription.previousSecretValidUntil", notNullValue()).extract().jsonPath();
            String fresh = rotated.getString("secret");
            assertThat(fresh).isNotEqualTo(old);
            // then a delivery carries two signatures: both the old and the new secret verify it
            Events.publish(payment(tenant));
            await().atMost(Events.WAIT).until(() -> receiver.received().size() == 1);
            WebhookReceiver.Received during = receiver.received().get(0);
            assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
            assertThat(new StandardWebhooksVerifier(old).verify(during.headers(), during.body(), Instant.now())).isTrue();
            assertThat(new StandardWebhooksVerifier(fresh).verify(during.headers(), during.body(), Instant.now())).isTrue();
            // when the overlap (a day) has passed
            Instant later = Instant.now().plus(Duration.ofDays(2));
            ((MovableClock) clock).moveTo(later);
            Events.publish(payment(tenant));
            await().atMost(Events.WAIT).until(() -> receiver.received().size() == 2);
            // then only the new secret signs
            WebhookReceiver.Received after = receiver.received().get(1);
            assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
            // (the receiver checks the timestamp against its own clock: the business clock moved, transport time did not)
            assertThat(new StandardWebhooksVerifier(fresh).verify(after.headers(), after.body(), Instant.now())).isTrue();
            assertThat(new StandardWebhooksVerifier(old).verify(after.headers(), after.body(), Instant.now())).isFalse();
            given().when().get("/webhook-subscriptions/" + id).then().body("previousSecretValidUntil", nullValue());
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = WALL_CLOCK))
    void a_delivery_is_stamped_with_the_wall_clock_whatever_the_business_clock_says() throws Exception {
        TenantId tenant = new TenantId(UUID.fromString(WALL_CLOCK));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // given a subscription, and the business clock moved eleven days ahead (as the demo and the operator may)
            String secret = subscribe(receiver.url("/hooks"), PAYMENT_RECEIVED).getString("secret");
            ((MovableClock) clock).moveTo(Instant.now().plus(Duration.ofDays(11)));
            // when an event is delivered
            Events.publish(payment(tenant));
            await().atMost(Events.WAIT).until(() -> receiver.received().size() == 1);
            // then its timestamp is the time it was sent, so a receiver on its own clock accepts it
            WebhookReceiver.Received delivery = receiver.received().get(0);
            Instant received = Instant.now();
            assertThat(Math.abs(Long.parseLong(delivery.header("webhook-timestamp")) - received.getEpochSecond()))
                    .isLessThanOrEqualTo(60);
            assertThat(new StandardWebhooksVerifier(secret).verify(delivery.headers(), delivery.body(), received)).isTrue();
            // and it is not the business time, which lies days ahead
            assertThat(new StandardWebhooksVerifier(secret).verify(delivery.headers(), delivery.body(), clock.instant()))
                    .isFalse();
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = REFUSED))
    void targets_inside_the_network_and_unknown_event_types_are_refused_naming_the_field_and_nothing_changes() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/hooks", "http://192.168.1.1/hooks",
                "http://[fd00::1]/hooks", "ftp://hooks.example/", "http://user:secret@127.0.0.1/hooks")) {
            given().contentType(ContentType.JSON).body(Map.of("url", url, "eventTypes", List.of(PAYMENT_RECEIVED)))
                    .when().post("/webhook-subscriptions").then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", hasItem("url"));
        }
        given().contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of("nl.tijdig.payment.Nope.v1")))
                .when().post("/webhook-subscriptions").then().statusCode(422).body("errors.field", hasItem("eventTypes[0]"));
        given().contentType(ContentType.JSON).body("{}").when().post("/webhook-subscriptions").then().statusCode(422)
                .body("errors.field", hasItem("url")).body("errors.field", hasItem("eventTypes"));
        given().when().get("/webhook-subscriptions").then().statusCode(200).body("size()", is(0));
        // an update to such a target is refused too, and the subscription stays as it was
        String id = subscribe("http://127.0.0.1:9/hooks", PAYMENT_RECEIVED).getString("subscription.subscriptionId");
        given().contentType(ContentType.JSON).body(Map.of("url", "http://169.254.169.254/", "eventTypes", List.of(PAYMENT_RECEIVED)))
                .when().put("/webhook-subscriptions/" + id).then().statusCode(422).body("errors.field", hasItem("url"));
        given().contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:10/hooks",
                        "eventTypes", List.of(PAYMENT_RECEIVED, "nl.tijdig.notification.ReminderSent.v1")))
                .when().put("/webhook-subscriptions/" + id).then().statusCode(200).body("url", is("http://127.0.0.1:10/hooks"))
                .body("eventTypes.size()", is(2));
        // and the catalogue to choose from is listed
        given().when().get("/webhook-subscriptions/event-types").then().statusCode(200).body("type", hasItem(PAYMENT_RECEIVED))
                .body("type", hasItem("nl.tijdig.notification.WebhookEndpointDisabled.v1"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = ISOLATED))
    void a_tenant_gets_only_its_own_events() throws Exception {
        TenantId tenant = new TenantId(UUID.fromString(ISOLATED));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // given a subscription of this tenant
            subscribe(receiver.url("/hooks"), PAYMENT_RECEIVED);
            // when a neighbour's payment and then this tenant's are published
            Events.publish(payment(new TenantId(UUID.fromString(NEIGHBOUR))));
            Events.publish(payment(tenant));
            // then only this tenant's arrives
            await().atMost(Events.WAIT).until(() -> receiver.received().size() >= 1);
            Thread.sleep(Duration.ofSeconds(2));
            assertThat(receiver.received()).hasSize(1);
            assertThat(json(receiver.received().get(0).body()).path("data").path("tenantId").asText()).isEqualTo(ISOLATED);
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = SLOW))
    void a_slow_receiver_holds_back_only_its_own_deliveries() throws Exception {
        TenantId tenant = new TenantId(UUID.fromString(SLOW));
        try (WebhookReceiver slow = new WebhookReceiver(); WebhookReceiver fast = new WebhookReceiver()) {
            // given a receiver that answers nothing until released, and a prompt one
            slow.hold();
            String slowId = subscribe(slow.url("/hooks"), PAYMENT_RECEIVED).getString("subscription.subscriptionId");
            subscribe(fast.url("/hooks"), PAYMENT_RECEIVED);
            // when five payments are published
            for (int i = 0; i < 5; i++) {
                Events.publish(payment(tenant));
            }
            // then the prompt receiver has all five while the slow one has answered none
            await().atMost(Events.WAIT).until(() -> fast.received().size() == 5 && !slow.received().isEmpty());
            assertThat(slow.answered()).isZero();
            // and once the slow one answers, it gets all five too
            slow.release();
            await().atMost(Events.WAIT).until(() -> deliveries(slowId, "DELIVERED") == 5);
        }
    }
}
