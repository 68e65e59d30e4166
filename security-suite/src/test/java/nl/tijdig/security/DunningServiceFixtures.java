package nl.tijdig.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fixtures for every operation of the dunning-service. */
final class DunningServiceFixtures {

    static final String SERVICE = "dunning-service";
    static final String QUOTE = """
            {"principal": "1000.00", "segment": "B2B", "dueDate": "2024-05-31", "through": "2024-07-31"}""";
    static final String RATES = """
            [{"from": "2023-01-01", "consumer": "4", "commercial": "10.5"},
             {"from": "2023-07-01", "consumer": "6", "commercial": "12"},
             {"from": "2024-01-01", "consumer": "7", "commercial": "12.5"},
             {"from": "2024-07-01", "consumer": "7", "commercial": "12.25"},
             {"from": "2025-01-01", "consumer": "6", "commercial": "11.15"},
             {"from": "2025-07-01", "consumer": "6", "commercial": "10.15"},
             {"from": "2026-01-01", "consumer": "4", "commercial": "10.15"}]""";

    private final World world;
    private final String url;
    private final InvoiceServiceFixtures invoices;

    DunningServiceFixtures(World world, InvoiceServiceFixtures invoices) {
        this.world = world;
        this.url = world.services.get(SERVICE).url();
        this.invoices = invoices;
        // the dunning-service opens a case for each invoice the invoice-service issued
        String invoiceA = invoices.invoice(world.a);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90)).until(() -> Call.get("/cases/" + invoiceA)
                .send(url, world.token(world.a, "tenant-admin")).statusCode() == 200);
    }

    /** A new invoice of tenant A, once its case is open here. */
    private String newCase() {
        String invoice = invoices.newInvoice(world.a);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90)).until(() -> Call.get("/cases/" + invoice)
                .send(url, world.token(world.a, "tenant-admin")).statusCode() == 200);
        return invoice;
    }

    private void notFoundForB(Call call) {
        Response response = call.send(url, world.token(world.b, "tenant-admin"));
        assertThat(response.statusCode()).as("tenant B: " + call.operation() + " " + response.asString()).isEqualTo(404);
    }

    Map<String, Fixture> all() {
        Map<String, Fixture> fixtures = new LinkedHashMap<>();
        fixtures.put("GET /cases", Fixture.of(() -> Call.get("/cases?limit=200"), call -> {
            Response response = call.send(url, world.token(world.b, "tenant-admin"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.asString()).doesNotContain(invoices.invoice(world.a));
        }));
        fixtures.put("GET /cases/{id}", Fixture.of(() -> Call.get("/cases/" + invoices.invoice(world.a)), call ->
                assertThat(call.send(url, world.token(world.b, "tenant-admin")).statusCode()).isEqualTo(404)));
        fixtures.put("POST /quotes", Fixture.of(() -> Call.json("POST", "/quotes", QUOTE, 200), call -> {
            // a quote holds no tenant's data: B gets the same answer for the same claim
            Response response = call.send(url, world.token(world.b, "tenant-admin"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat((String) response.path("total.amount")).isEqualTo("1170.67");
        }));
        String policy = """
                {"steps": [
                  {"key": "friendly", "kind": "REMINDER", "offsetDays": 2, "minGapDays": 0, "channels": ["EMAIL"], "templateKey": "friendly"},
                  {"key": "final", "kind": "FINAL_NOTICE", "offsetDays": 20, "minGapDays": 7, "channels": ["POST"], "templateKey": "tenant-a-final"}],
                 "automaticEscalation": false}""";
        fixtures.put("PUT /dunning-policies/{segment}", Fixture.of(() -> Call.json("PUT", "/dunning-policies/B2C", policy, 200),
                call -> {
                    // B saves its own policy; A's stays A's
                    assertThat(call.send(url, world.token(world.b, "tenant-admin")).statusCode()).isEqualTo(200);
                    Call.json("PUT", "/dunning-policies/B2C", policy.replace("tenant-a-final", "tenant-b-final"), 200)
                            .send(url, world.token(world.b, "tenant-admin"));
                    assertThat(Call.get("/dunning-policies/B2C").send(url, world.token(world.a, "tenant-admin")).asString())
                            .contains("tenant-a-final").doesNotContain("tenant-b-final");
                }));
        fixtures.put("GET /dunning-policies/{segment}", Fixture.of(() -> {
            Call.json("PUT", "/dunning-policies/B2C", policy, 200).send(url, world.token(world.a, "tenant-admin"));
            return Call.get("/dunning-policies/B2C");
        }, call -> assertThat(call.send(url, world.token(world.b, "tenant-admin")).asString()).doesNotContain("tenant-a-final")));
        fixtures.put("GET /interest-rates", Fixture.of(() -> Call.get("/interest-rates"), call -> { }));
        fixtures.put("PUT /admin/interest-rates", Fixture.of(() -> Call.json("PUT", "/admin/interest-rates", RATES, 200),
                call -> { }));
        // the operator's half-year of the rate table, as the table already has it (2025-07-01: 6 and 10.15)
        fixtures.put("PUT /admin/interest-rates/{from}", Fixture.of(() -> Call.json("PUT", "/admin/interest-rates/2025-07-01",
                "{\"consumer\": \"6\", \"commercial\": \"10.15\"}", 200), call -> { }));
        fixtures.put("GET /holidays", Fixture.of(() -> Call.get("/holidays?year=2026"), call -> { }));
        // a day made equal to a holiday, far ahead so that no term of a test ends near it
        fixtures.put("PUT /admin/holidays/{date}", Fixture.of(() -> Call.json("PUT", "/admin/holidays/2039-06-01",
                "{\"name\": \"security suite\"}", 200), call -> { }));
        fixtures.put("DELETE /admin/holidays/{date}", Fixture.of(() -> {
            Call.json("PUT", "/admin/holidays/2039-06-02", "{\"name\": \"security suite\"}", 200)
                    .send(url, world.token(world.a, "operator")).then().statusCode(200);
            return new Call("DELETE", "/admin/holidays/2039-06-02", null, null, 204);
        }, call -> { }));
        String invoiceA = invoices.invoice(world.a);
        String debtorA = invoices.debtor(world.a);
        fixtures.put("POST /cases/{id}/approval", Fixture.of(() -> new Call("POST", "/cases/" + invoiceA + "/approval", null,
                null, 409), call -> notFoundForB(call)));
        fixtures.put("POST /cases/{id}/pause", Fixture.of(() -> Call.json("POST", "/cases/" + invoiceA + "/pause",
                "{\"paused\": false}", 200), this::notFoundForB));
        fixtures.put("POST /cases/{id}/disputes", Fixture.of(() -> Call.json("POST", "/cases/" + newCase() + "/disputes",
                "{\"reason\": \"INVOICE_WRONG\"}", 200), this::notFoundForB));
        fixtures.put("POST /cases/{id}/dispute-resolution", Fixture.of(() -> {
            String disputed = newCase();
            Call.json("POST", "/cases/" + disputed + "/disputes", "{\"reason\": \"OTHER\"}", 200)
                    .send(url, world.token(world.a, "tenant-admin")).then().statusCode(200);
            return Call.json("POST", "/cases/" + disputed + "/dispute-resolution", "{\"outcome\": \"RESUMED\"}", 200);
        }, this::notFoundForB));
        fixtures.put("POST /cases/{id}/promise", Fixture.of(() -> Call.json("POST", "/cases/" + invoiceA + "/promise",
                "{\"payBy\": \"" + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).plusDays(5) + "\"}", 200),
                this::notFoundForB));
        fixtures.put("POST /cases/{id}/payment-plan", Fixture.of(() -> {
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
            String open = Call.get("/cases/" + invoiceA).send(url, world.token(world.a, "tenant-admin")).path("state.open.amount");
            java.math.BigDecimal half = new java.math.BigDecimal(open).divide(java.math.BigDecimal.valueOf(2), 2,
                    java.math.RoundingMode.DOWN);
            java.math.BigDecimal rest = new java.math.BigDecimal(open).subtract(half);
            return Call.json("POST", "/cases/" + invoiceA + "/payment-plan", """
                    {"instalments": [{"dueOn": "%s", "amount": "%s"}, {"dueOn": "%s", "amount": "%s"}]}"""
                    .formatted(today.plusDays(10), half, today.plusDays(40), rest), 200);
        }, this::notFoundForB));
        fixtures.put("GET /cases/{id}/claim", Fixture.of(() -> Call.get("/cases/" + invoiceA + "/claim"),
                this::notFoundForB));
        fixtures.put("GET /cases/{id}/timeline", Fixture.of(() -> Call.get("/cases/" + invoiceA + "/timeline"),
                this::notFoundForB));
        fixtures.put("POST /cases/{id}/write-off", Fixture.of(() -> Call.json("POST", "/cases/" + newCase() + "/write-off",
                "{\"reason\": \"oninbaar\"}", 200), this::notFoundForB));
        // nothing waits for a decision on A's case: 409 for A's admin, 404 for B
        fixtures.put("POST /cases/{id}/write-off/decision", Fixture.of(() -> Call.json("POST", "/cases/" + invoiceA
                + "/write-off/decision", "{\"approve\": true}", 409), this::notFoundForB));
        fixtures.put("POST /cases/{id}/approval-rejection", Fixture.of(() -> Call.json("POST", "/cases/" + invoiceA
                + "/approval-rejection", "{}", 409), this::notFoundForB));
        fixtures.put("GET /dunning-settings", Fixture.of(() -> Call.get("/dunning-settings"),
                call -> assertThat(call.send(url, world.token(world.b, "tenant-admin")).asString()).doesNotContain("777")));
        fixtures.put("PUT /dunning-settings", Fixture.of(() -> Call.json("PUT", "/dunning-settings",
                "{\"writeOffApprovalAbove\": \"777.00\"}", 200), call -> {
                    assertThat(Call.json("PUT", "/dunning-settings", "{\"writeOffApprovalAbove\": \"100.00\"}", 200)
                            .send(url, world.token(world.b, "tenant-admin")).statusCode()).isEqualTo(200);
                    assertThat(Call.get("/dunning-settings").send(url, world.token(world.a, "tenant-admin")).asString())
                            .contains("777");
                }));
        fixtures.put("GET /reports/aging", Fixture.of(() -> Call.get("/reports/aging"), call -> {
            // B's report counts B's claims only: A has more open invoices than B
            Response a = Call.get("/reports/aging").send(url, world.token(world.a, "tenant-admin"));
            Response b = call.send(url, world.token(world.b, "tenant-admin"));
            assertThat(b.statusCode()).isEqualTo(200);
            assertThat((Integer) b.path("count")).isLessThan((Integer) a.path("count"));
        }));
        fixtures.put("GET /reports/weekly-overview", Fixture.of(() -> Call.get("/reports/weekly-overview"), call -> {
            // B's overview counts B's claims only: A has more open invoices than B
            Response a = Call.get("/reports/weekly-overview").send(url, world.token(world.a, "tenant-admin"));
            Response b = call.send(url, world.token(world.b, "tenant-admin"));
            assertThat(b.statusCode()).isEqualTo(200);
            assertThat((Integer) b.path("openCount")).isLessThan((Integer) a.path("openCount"));
            assertThat((String) b.path("tenantId")).isNotEqualTo(a.path("tenantId"));
        }));
        fixtures.put("GET /debtors/{id}/dunning-pause", Fixture.of(() -> Call.get("/debtors/" + debtorA + "/dunning-pause"),
                this::notFoundForB));
        fixtures.put("PUT /debtors/{id}/dunning-pause", Fixture.of(() -> Call.json("PUT", "/debtors/" + debtorA
                + "/dunning-pause", "{\"paused\": false}", 200), this::notFoundForB));
        // the clock moves only where tijdig.clock.movable is on (dev and test): never in this production build
        fixtures.put("GET /admin/clock", Fixture.of(() -> Call.get("/admin/clock"), call -> { }));
        fixtures.put("PUT /admin/clock", Fixture.of(() -> Call.json("PUT", "/admin/clock",
                "{\"now\": \"2030-01-01T00:00:00Z\"}", 404), call -> { }));
        fixtures.put("POST /admin/dunning-runs", Fixture.of(() -> new Call("POST", "/admin/dunning-runs", null, null, 200),
                call -> { }));
        // runs are the operator's, of no tenant
        fixtures.put("GET /admin/dunning-runs", Fixture.of(() -> Call.get("/admin/dunning-runs"), call -> { }));
        fixtures.putAll(new DeadLetterFixtures(world, url, null).all());
        return fixtures;
    }
}
