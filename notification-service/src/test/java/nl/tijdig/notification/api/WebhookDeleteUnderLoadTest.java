package nl.tijdig.notification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.notification.MailServer;
import nl.tijdig.notification.ProviderServer;
import nl.tijdig.notification.webhooks.WebhookReceiver;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

/**
 * Webhook subscriptions deleted while their deliveries are in flight (issue #23: a delete under delivery load
 * answered 500 with a deadlock, and the dispatcher then failed on the deleted deliveries' attempts): every delete
 * answers 204, nothing of a deleted subscription is left or recorded afterwards, its deliveries stop, and the
 * subscription that stays gets every event.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = ProviderServer.class, scope = TestResourceScope.GLOBAL, parallel = true)
class WebhookDeleteUnderLoadTest {

    static final String TENANT = "0193a6f2-0000-7000-8000-0000000000cd";
    static final int EVENTS = 150;

    @Inject
    Pool pool;

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void subscriptions_deleted_while_their_deliveries_are_in_flight_stop_cleanly() throws Exception {
        TenantId tenant = new TenantId(UUID.fromString(TENANT));
        // what the dispatcher complains of meanwhile (before: attempts of deleted deliveries, foreign-key violations)
        List<String> complaints = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger delivery = java.util.logging.Logger.getLogger("nl.tijdig.notification");
        java.util.logging.Handler listener = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    complaints.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()) + " "
                            + record.getThrown());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        delivery.addHandler(listener);
        try (WebhookReceiver kept = new WebhookReceiver(); WebhookReceiver fast = new WebhookReceiver();
                WebhookReceiver failing = new WebhookReceiver().answerAlways(500);
                WebhookReceiver held = new WebhookReceiver().hold()) {
            // given four endpoints subscribed to payments: one that stays, one quick, one failing, one that holds every request
            String keep = WebhookDeliveryTest.subscribe(kept.url("/kept"), WebhookDeliveryTest.PAYMENT_RECEIVED)
                    .getString("subscription.subscriptionId");
            List<String> doomed = new ArrayList<>();
            for (WebhookReceiver receiver : List.of(fast, failing, held)) {
                doomed.add(WebhookDeliveryTest.subscribe(receiver.url("/doomed"), WebhookDeliveryTest.PAYMENT_RECEIVED)
                        .getString("subscription.subscriptionId"));
            }

            // when payments arrive and, while their deliveries are in flight, the three are deleted one by one
            for (int i = 0; i < EVENTS; i++) {
                Events.publish(Events.example(PaymentReceived.class, tenant));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> fast.answered() >= 10 && failing.answered() >= 3);
            for (String id : doomed) {
                given().when().delete("/webhook-subscriptions/" + id).then().statusCode(204);
            }
            held.release();

            // then nothing of them is left, and nothing of them is recorded afterwards
            int fastSeen = fast.answered();
            int failingSeen = failing.answered();
            await().atMost(Duration.ofSeconds(120)).until(() -> kept.received().size() >= EVENTS);
            Thread.sleep(1_000);
            for (String id : doomed) {
                given().when().get("/webhook-subscriptions/" + id).then().statusCode(404);
                assertThat(count("SELECT count(*) FROM webhook_deliveries WHERE subscription_id = $1", id)).isZero();
            }
            assertThat(count("SELECT count(*) FROM webhook_attempts a WHERE NOT EXISTS "
                    + "(SELECT 1 FROM webhook_deliveries d WHERE d.delivery_id = a.delivery_id)", null)).isZero();
            // their endpoints hear no more than what was already on its way when they were deleted
            assertThat(fast.answered()).isLessThanOrEqualTo(fastSeen + 10);
            assertThat(failing.answered()).isLessThanOrEqualTo(failingSeen + 10);
            // and the subscription that stays got every payment, each once
            assertThat(kept.received()).hasSize(EVENTS);
            assertThat(kept.received().stream().map(r -> r.header("webhook-id")).distinct()).hasSize(EVENTS);
            given().when().get("/webhook-subscriptions/" + keep).then().statusCode(200);
            // and the dispatcher recorded every outcome it had without a failure
            assertThat(complaints).noneMatch(c -> c.contains("foreign key") || c.contains("deadlock"));
        } finally {
            delivery.removeHandler(listener);
        }
    }

    private long count(String sql, String id) {
        return (id == null ? pool.query(sql).execute() : pool.preparedQuery(sql).execute(Tuple.of(UUID.fromString(id))))
                .await().atMost(Duration.ofSeconds(30)).iterator().next().getLong(0);
    }
}
