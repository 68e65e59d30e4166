package nl.tijdig.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.tijdig.events.EscalatedToCollection;
import nl.tijdig.events.InvoiceIssued;
import org.awaitility.Awaitility;

/** Fixtures for every operation of the collection-gateway. */
final class CollectionGatewayFixtures {

    static final String SERVICE = "collection-gateway";
    static final String PARTNER = """
            {"name": "Tenant A's agency", "kind": "CSV_AGENCY", "priority": 1}""";

    private final World world;
    private final String url;
    private final String collectionCase;
    private final String partner;
    private final java.util.Deque<String> invoices = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final String offer;

    CollectionGatewayFixtures(World world) {
        this.world = world;
        this.url = world.services.get(SERVICE).url();
        // tenant A's agency, and a claim of A's escalated by dunning (its contract example, for A): a case at the agency
        partner = newPartner();
        world.publish(World.example(EscalatedToCollection.class, world.a, Map.of("caseId", UUID.randomUUID().toString())));
        String[] found = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
            Response list = Call.get("/collection-cases").send(url, world.token(world.a, "tenant-admin"));
            List<String> ids = list.path("collectionCaseId");
            if (list.statusCode() != 200 || ids == null || ids.isEmpty()) {
                return false;
            }
            found[0] = ids.get(0);
            return true;
        });
        collectionCase = found[0];
        // tenant A's factor (its API not listening: offers end rejected), and invoices of A issued by the invoice-service,
        // one for an offer now and the rest for the offers the suite makes
        Response factor = Call.json("POST", "/partners", "{\"name\": \"Tenant A's factor\", \"kind\": \"FACTOR\", \"baseUrl\": "
                + "\"http://127.0.0.1:" + nl.tijdig.testing.process.Ports.free() + "/api\"}", 201).send(url, world.token(world.a, "tenant-admin"));
        assertThat(factor.statusCode()).as(factor.asString()).isEqualTo(201);
        for (int i = 0; i < 16; i++) {
            String id = UUID.randomUUID().toString();
            world.publish(World.example(InvoiceIssued.class, world.a, Map.of("invoiceId", id)));
            invoices.add(id);
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> invoices.stream().allMatch(id ->
                Call.get("/factoring-offers/invoices/" + id).send(url, world.token(world.a, "tenant-admin")).statusCode() == 200));
        Response offered = offerCall().send(url, world.token(world.a, "tenant-admin"));
        assertThat(offered.statusCode()).as(offered.asString()).isEqualTo(201);
        offer = offered.path("offerId");
    }

    /** An offer of one of A's invoices not offered yet. */
    private Call offerCall() {
        return Call.json("POST", "/factoring-offers", "{\"invoiceId\": \"" + invoices.remove() + "\"}", 201);
    }

    private String newPartner() {
        Response created = Call.json("POST", "/partners", PARTNER, 201).send(url, world.token(world.a, "tenant-admin"));
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.path("partner.partnerId");
    }

    private void notFoundForB(Call call) {
        Response response = call.send(url, world.token(world.b, "tenant-admin"));
        assertThat(response.statusCode()).as("tenant B: " + call.operation() + " " + response.asString()).isEqualTo(404);
    }

    Map<String, Fixture> all() {
        Map<String, Fixture> fixtures = new LinkedHashMap<>();
        fixtures.put("GET /partners", Fixture.of(() -> Call.get("/partners"), call ->
                assertThat(call.send(url, world.token(world.b, "tenant-admin")).asString()).doesNotContain(partner)));
        fixtures.put("GET /partners/{id}", Fixture.of(() -> Call.get("/partners/" + partner), this::notFoundForB));
        fixtures.put("POST /partners", Fixture.of(() -> Call.json("POST", "/partners", PARTNER, 201), call -> {
            // B's partner is B's; A's list does not show it
            assertThat(Call.json("POST", "/partners", PARTNER.replace("Tenant A", "Tenant B"), 201)
                    .send(url, world.token(world.b, "tenant-admin")).statusCode()).isEqualTo(201);
            assertThat(Call.get("/partners").send(url, world.token(world.a, "tenant-admin")).asString()).doesNotContain("Tenant B");
        }));
        fixtures.put("PUT /partners/{id}", Fixture.of(() -> Call.json("PUT", "/partners/" + partner, PARTNER, 200), call -> {
            notFoundForB(Call.json("PUT", call.path(), PARTNER.replace("Tenant A", "Tenant B"), 200));
            assertThat(Call.get(call.path()).send(url, world.token(world.a, "tenant-admin")).asString()).contains("Tenant A");
        }));
        fixtures.put("DELETE /partners/{id}", Fixture.of(() -> {
            // a partner without cases (saved inactive, so no escalation goes to it)
            Response created = Call.json("POST", "/partners", PARTNER.replace("\"priority\": 1", "\"active\": false"), 201)
                    .send(url, world.token(world.a, "tenant-admin"));
            return new Call("DELETE", "/partners/" + created.path("partner.partnerId"), null, null, 204);
        }, call -> {
            notFoundForB(call);
            assertThat(Call.get(call.path()).send(url, world.token(world.a, "tenant-admin")).statusCode()).isEqualTo(200);
        }));
        fixtures.put("POST /partners/{id}/callback-secret-rotation", Fixture.of(() -> new Call("POST", "/partners/" + partner
                + "/callback-secret-rotation", null, null, 200), this::notFoundForB));
        // a status file for tenant A's batch-file agency (its case); tenant B cannot send one for A's agency
        fixtures.put("POST /partners/{id}/status-files", Fixture.of(() -> new Call("POST", "/partners/" + partner + "/status-files", "text/csv",
                "case_reference;status;reason\r\n" + collectionCase + ";IN_PROGRESS;tenant A's agency works it\r\n", 200), call -> {
                    notFoundForB(call);
                    Response mine = call.send(url, world.token(world.a, "tenant-admin"));
                    assertThat(mine.statusCode()).as(mine.asString()).isEqualTo(200);
                }));
        // A's case went out in its agency's case file: there is no failed hand-over to retry (409, authorised); B: 404
        fixtures.put("POST /collection-cases/{id}/hand-over-retry", Fixture.of(() -> new Call("POST", "/collection-cases/" + collectionCase
                + "/hand-over-retry", null, null, 409), this::notFoundForB));
        fixtures.put("POST /factoring-offers", Fixture.of(this::offerCall, call -> {
            // B cannot offer A's invoice: it is not B's (422), and A's invoice stays unoffered
            Response response = call.send(url, world.token(world.b, "tenant-admin"));
            assertThat(response.statusCode()).as("tenant B: " + response.asString()).isEqualTo(422);
            String invoice = call.body().replaceAll(".*\"invoiceId\": \"([^\"]+)\".*", "$1");
            assertThat(Call.get("/factoring-offers/invoices/" + invoice).send(url, world.token(world.a, "tenant-admin")).<String>path("factoring"))
                    .isEqualTo("OPEN");
        }));
        fixtures.put("GET /factoring-offers", Fixture.of(() -> Call.get("/factoring-offers"), call ->
                assertThat(call.send(url, world.token(world.b, "tenant-admin")).asString()).doesNotContain(offer)));
        fixtures.put("GET /factoring-offers/{id}", Fixture.of(() -> Call.get("/factoring-offers/" + offer), this::notFoundForB));
        fixtures.put("GET /factoring-offers/invoices/{invoiceId}", Fixture.of(() -> Call.get("/factoring-offers/invoices/"
                + invoices.peek()), this::notFoundForB));
        fixtures.put("GET /collection-cases", Fixture.of(() -> Call.get("/collection-cases"), call ->
                assertThat(call.send(url, world.token(world.b, "tenant-admin")).asString()).doesNotContain(collectionCase)));
        fixtures.put("GET /collection-cases/{id}", Fixture.of(() -> Call.get("/collection-cases/" + collectionCase), this::notFoundForB));
        fixtures.put("POST /collection-cases/{id}/recall", Fixture.of(() -> Call.json("POST", "/collection-cases/" + collectionCase
                + "/recall", "{\"reason\": \"tenant A takes it back\"}", 200), this::notFoundForB));
        // a callback of a partner no tenant has: 404; an unsigned one at tenant A's partner: 401, nothing changed
        fixtures.put("POST /callbacks/{partnerId}/status", Fixture.of(() -> Call.json("POST", "/callbacks/" + UUID.randomUUID() + "/status",
                "{\"caseReference\": \"" + collectionCase + "\", \"status\": \"CLOSED\"}", 404), call -> {
                    Response forged = Call.json("POST", "/callbacks/" + partner + "/status", call.body(), 401).send(url, null);
                    assertThat(forged.statusCode()).as(forged.asString()).isEqualTo(401);
                }));
        fixtures.putAll(new DeadLetterFixtures(world, url, "tijdig.dunning.v1").all());
        return fixtures;
    }
}
