package nl.tijdig.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.PhoneCallDue;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.TenantId;
import org.awaitility.Awaitility;

/** Fixtures for every operation of the notification-service. */
final class NotificationServiceFixtures {

    static final String SERVICE = "notification-service";
    static final String TEMPLATE = """
            {"subject": "Tenant A: {l.invoiceNumbers}", "body": "<p>Tenant A schrijft {l.debtor.name}.</p>"}""";

    private final World world;
    private final String url;
    private final String communication;

    NotificationServiceFixtures(World world) {
        this.world = world;
        this.url = world.services.get(SERVICE).url();
        // the dunning-service asks for a reminder for tenant A (its contract example, for A): the
        // notification-service records and renders it (no SMTP server listens, so it waits to be sent)
        ReminderDue e = EventExamples.event(ReminderDue.class);
        UUID caseId = UUID.randomUUID();
        ReminderDue reminder = new ReminderDue(new TenantId(world.a.id()), new CaseId(caseId), UUID.randomUUID(), e.step(),
                e.kind(), e.channels(), e.debtor(), e.creditor(), e.invoices(), e.totalOpen(), e.collectionCosts(), e.interest(),
                e.totalDue(), e.paymentReference(), e.payLink(), e.letterDate(), e.payWithinDays(), e.occurredAt());
        world.publish(reminder);
        String[] found = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
            Response list = Call.get("/communications?caseId=" + caseId).send(url, world.token(world.a, "tenant-admin"));
            List<Boolean> pdf = list.path("hasPdf");
            if (list.statusCode() != 200 || pdf == null || pdf.isEmpty() || !pdf.get(0)) {
                return false;
            }
            found[0] = list.path("[0].communicationId");
            return true;
        });
        communication = found[0];
    }

    /** A new phone task of tenant A (dunning's example PhoneCallDue), once it is in A's work list. */
    private String newTask() {
        return newTask(UUID.randomUUID());
    }

    private String newTask(UUID caseId) {
        PhoneCallDue e = EventExamples.event(PhoneCallDue.class);
        UUID task = UUID.randomUUID();
        world.publish(new PhoneCallDue(new TenantId(world.a.id()), new CaseId(caseId), task, e.debtor(), e.invoices(),
                e.totalOpen(), e.dueOn(), e.occurredAt()));
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> Call.get("/phone-tasks?status=OPEN&limit=500")
                .send(url, world.token(world.a, "tenant-admin")).asString().contains(task.toString()));
        return task.toString();
    }

    private void notFoundForB(Call call) {
        Response response = call.send(url, world.token(world.b, "tenant-admin"));
        assertThat(response.statusCode()).as("tenant B: " + call.operation() + " " + response.asString()).isEqualTo(404);
    }

    private void saveForA() {
        Call.json("PUT", "/letter-templates/REMINDER/nl", TEMPLATE, 200).send(url, world.token(world.a, "tenant-admin"))
                .then().statusCode(200);
    }

    Map<String, Fixture> all() {
        Map<String, Fixture> fixtures = new LinkedHashMap<>();
        fixtures.put("GET /communications", Fixture.of(() -> Call.get("/communications"), call -> {
            Response response = call.send(url, world.token(world.b, "tenant-admin"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.asString()).doesNotContain(communication);
        }));
        fixtures.put("GET /communications/{id}", Fixture.of(() -> Call.get("/communications/" + communication),
                this::notFoundForB));
        fixtures.put("GET /communications/{id}/letter.pdf", Fixture.of(() -> Call.get("/communications/" + communication
                + "/letter.pdf"), this::notFoundForB));
        fixtures.put("GET /communications/{id}/content", Fixture.of(() -> Call.get("/communications/" + communication
                + "/content"), this::notFoundForB));
        fixtures.put("GET /letter-templates", Fixture.of(() -> {
            saveForA();
            return Call.get("/letter-templates");
        }, call -> assertThat(call.send(url, world.token(world.b, "tenant-admin")).asString()).doesNotContain("Tenant A")));
        fixtures.put("GET /letter-templates/{kind}/{language}", Fixture.of(() -> {
            saveForA();
            return Call.get("/letter-templates/REMINDER/nl");
        }, call -> assertThat((String) call.send(url, world.token(world.b, "tenant-admin")).path("source")).isEqualTo("built-in")));
        fixtures.put("PUT /letter-templates/{kind}/{language}", Fixture.of(() -> Call.json("PUT", "/letter-templates/REMINDER/en",
                TEMPLATE, 200), call -> {
                    // B saves its own; A's stays A's
                    assertThat(Call.json("PUT", "/letter-templates/REMINDER/en", TEMPLATE.replace("Tenant A", "Tenant B"), 200)
                            .send(url, world.token(world.b, "tenant-admin")).statusCode()).isEqualTo(200);
                    assertThat(Call.get("/letter-templates/REMINDER/en").send(url, world.token(world.a, "tenant-admin"))
                            .asString()).contains("Tenant A").doesNotContain("Tenant B");
                }));
        fixtures.put("DELETE /letter-templates/{kind}/{language}", Fixture.of(() -> {
            saveForA();
            return new Call("DELETE", "/letter-templates/REMINDER/nl", null, null, 204);
        }, call -> {
            // B has no template of its own to remove, and removing cannot touch A's
            saveForA();
            notFoundForB(call);
            assertThat((String) Call.get("/letter-templates/REMINDER/nl").send(url, world.token(world.a, "tenant-admin"))
                    .path("source")).isEqualTo("tenant");
        }));
        String task = newTask();
        fixtures.put("GET /phone-tasks", Fixture.of(() -> Call.get("/phone-tasks"), call ->
                assertThat(call.send(url, world.token(world.b, "tenant-admin")).asString()).doesNotContain(task)));
        fixtures.put("POST /phone-tasks/{id}/claim", Fixture.of(() -> new Call("POST", "/phone-tasks/" + newTask() + "/claim",
                null, null, 200), this::notFoundForB));
        fixtures.put("POST /phone-tasks/{id}/completion", Fixture.of(() -> Call.json("POST", "/phone-tasks/" + newTask()
                + "/completion", "{\"outcome\": \"NOT_REACHED\"}", 200), this::notFoundForB));
        // a call about a case of A's that dunning asked a call for
        String debtor = EventExamples.event(PhoneCallDue.class).debtor().debtorId().value().toString();
        String caseA = UUID.randomUUID().toString();
        newTask(UUID.fromString(caseA));
        String call = """
                {"debtorId": "%s", "caseIds": ["%s"], "outcome": "REACHED", "notes": "tenant A's call"}""".formatted(debtor, caseA);
        fixtures.put("POST /phone-calls", Fixture.of(() -> Call.json("POST", "/phone-calls", call, 201), c -> {
            // B cannot log a call about A's case (to B it is an unknown case); A's log stays A's
            assertThat(Call.json("POST", "/phone-calls", call.replace("tenant A", "tenant B"), 201)
                    .send(url, world.token(world.b, "tenant-admin")).statusCode()).isEqualTo(422);
            assertThat(Call.get("/phone-calls?caseId=" + caseA).send(url, world.token(world.a, "tenant-admin")).asString())
                    .contains("tenant A").doesNotContain("tenant B");
        }));
        fixtures.put("GET /phone-calls", Fixture.of(() -> {
            Call.json("POST", "/phone-calls", call, 201).send(url, world.token(world.a, "tenant-admin")).then().statusCode(201);
            return Call.get("/phone-calls?caseId=" + caseA);
        }, c -> assertThat(c.send(url, world.token(world.b, "tenant-admin")).asString()).doesNotContain("tenant A")));
        webhooks(fixtures);
        fixtures.putAll(new DeadLetterFixtures(world, url, "tijdig.dunning.v1").all());
        return fixtures;
    }

    /** A webhook subscription of tenant A (to a port nothing listens on: its deliveries wait, failing). */
    private String subscriptionForA() {
        Response created = Call.json("POST", "/webhook-subscriptions", SUBSCRIPTION, 201).send(url, world.token(world.a, "tenant-admin"));
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.path("subscription.subscriptionId");
    }

    private static final String SUBSCRIPTION = """
            {"url": "http://127.0.0.1:%d/hooks", "eventTypes": ["nl.tijdig.payment.PaymentReceived.v1"], "description": "tenant A's hook"}"""
            .formatted(nl.tijdig.testing.process.Ports.free());

    /** A delivery of tenant A: a payment of A's (the payment-service's example) for A's subscription. */
    private String deliveryForA(String subscription) {
        world.publish(World.example(nl.tijdig.events.PaymentReceived.class, world.a, Map.of()));
        String[] found = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
            Response list = Call.get("/webhook-subscriptions/" + subscription + "/deliveries").send(url, world.token(world.a, "tenant-admin"));
            List<String> ids = list.path("deliveryId");
            if (list.statusCode() != 200 || ids == null || ids.isEmpty()) {
                return false;
            }
            found[0] = ids.get(0);
            return true;
        });
        return found[0];
    }

    private void webhooks(Map<String, Fixture> fixtures) {
        String subscription = subscriptionForA();
        String delivery = deliveryForA(subscription);
        fixtures.put("GET /webhook-subscriptions/event-types", Fixture.of(() -> Call.get("/webhook-subscriptions/event-types"),
                call -> assertThat(call.send(url, world.token(world.b, "tenant-admin")).statusCode()).isEqualTo(200)));
        fixtures.put("POST /webhook-subscriptions", Fixture.of(() -> Call.json("POST", "/webhook-subscriptions", SUBSCRIPTION, 201),
                call -> {
                    // B's own subscription is B's; A's list does not show it
                    Response created = Call.json("POST", "/webhook-subscriptions", SUBSCRIPTION.replace("tenant A", "tenant B"), 201)
                            .send(url, world.token(world.b, "tenant-admin"));
                    assertThat(created.statusCode()).isEqualTo(201);
                    assertThat(Call.get("/webhook-subscriptions").send(url, world.token(world.a, "tenant-admin")).asString())
                            .doesNotContain("tenant B");
                }));
        fixtures.put("GET /webhook-subscriptions", Fixture.of(() -> Call.get("/webhook-subscriptions"), call ->
                assertThat(call.send(url, world.token(world.b, "tenant-admin")).asString()).doesNotContain(subscription)
                        .doesNotContain("tenant A")));
        fixtures.put("GET /webhook-subscriptions/{id}", Fixture.of(() -> Call.get("/webhook-subscriptions/" + subscription),
                this::notFoundForB));
        fixtures.put("PUT /webhook-subscriptions/{id}", Fixture.of(() -> Call.json("PUT", "/webhook-subscriptions/" + subscription,
                SUBSCRIPTION, 200), call -> {
                    notFoundForB(Call.json("PUT", call.path(), SUBSCRIPTION.replace("tenant A", "tenant B"), 200));
                    assertThat(Call.get(call.path()).send(url, world.token(world.a, "tenant-admin")).asString())
                            .contains("tenant A").doesNotContain("tenant B");
                }));
        fixtures.put("DELETE /webhook-subscriptions/{id}", Fixture.of(() -> new Call("DELETE", "/webhook-subscriptions/"
                + subscriptionForA(), null, null, 204), call -> {
                    notFoundForB(call);
                    assertThat(Call.get(call.path()).send(url, world.token(world.a, "tenant-admin")).statusCode()).isEqualTo(200);
                }));
        fixtures.put("POST /webhook-subscriptions/{id}/secret-rotation", Fixture.of(() -> new Call("POST", "/webhook-subscriptions/"
                + subscription + "/secret-rotation", null, null, 200), this::notFoundForB));
        fixtures.put("POST /webhook-subscriptions/{id}/enable", Fixture.of(() -> new Call("POST", "/webhook-subscriptions/"
                + subscription + "/enable", null, null, 200), this::notFoundForB));
        fixtures.put("GET /webhook-subscriptions/{id}/deliveries", Fixture.of(() -> Call.get("/webhook-subscriptions/" + subscription
                + "/deliveries"), this::notFoundForB));
        fixtures.put("POST /webhook-subscriptions/{id}/replay", Fixture.of(() -> Call.json("POST", "/webhook-subscriptions/"
                + subscription + "/replay", "{\"since\": \"2026-01-01T00:00:00Z\"}", 200), this::notFoundForB));
        fixtures.put("GET /webhook-deliveries/{id}", Fixture.of(() -> Call.get("/webhook-deliveries/" + delivery), this::notFoundForB));
        fixtures.put("POST /webhook-deliveries/{id}/replay", Fixture.of(() -> new Call("POST", "/webhook-deliveries/" + delivery
                + "/replay", null, null, 200), this::notFoundForB));
    }
}
