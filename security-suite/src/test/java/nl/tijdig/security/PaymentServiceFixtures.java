package nl.tijdig.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Fixtures for every operation of the payment-service. Its open items come from the invoice-service's
 * events, so the invoices the invoice fixtures issued for tenants A and B are what payments pay here.
 */
final class PaymentServiceFixtures {

    static final String SERVICE = "payment-service";

    private final World world;
    private final InvoiceServiceFixtures invoices;
    private final String url;
    private final String paymentA;

    PaymentServiceFixtures(World world, InvoiceServiceFixtures invoices) {
        this.world = world;
        this.invoices = invoices;
        this.url = world.services.get(SERVICE).url();
        for (World.Tenant tenant : new World.Tenant[] {world.a, world.b}) {
            String invoice = invoices.invoice(tenant);
            await().atMost(Duration.ofSeconds(90)).until(() -> Call.get("/open-items").send(url,
                    world.token(tenant, "tenant-admin")).asString().contains(invoice));
        }
        this.paymentA = unmatchedPaymentOfA();
        // A's debtor gets credit: a payment naming A's invoice that pays 1.00 more than is open
        expect(Call.json("PUT", "/payment-settings", "{\"tolerance\": \"1.00\"}", 200), world.a);
        // direct debit: creditor ids for both, a mandate for A's debtor; wait for A's creditor profile to arrive
        expect(Call.json("PUT", "/direct-debit-settings", "{\"creditorId\": \"" + CREDITOR_ID_A + "\"}", 200), world.a);
        expect(Call.json("PUT", "/direct-debit-settings", "{\"creditorId\": \"" + CREDITOR_ID_B + "\"}", 200), world.b);
        expect(mandateOfA(), world.a);
        await().atMost(Duration.ofSeconds(90)).until(() -> Set.of(201, 409).contains(
                directDebitRun().send(url, world.token(world.a, "tenant-admin")).statusCode()));
    }

    static final String CREDITOR_ID_A = "NL24ZZZ302049230000";
    static final String CREDITOR_ID_B = "DE98ZZZ09999999999";
    private String refundA;
    private String fileA;

    private Call mandateOfA() {
        return Call.json("PUT", "/debtors/" + invoices.debtor(world.a) + "/mandate", """
                {"mandateId": "MND-SUITE-A", "scheme": "CORE", "iban": "NL44RABO0123456789", "signedOn": "2026-01-05"}""",
                200);
    }

    /** A run far enough ahead that invoices issued today (due in 30 days) are due by then. */
    private static Call directDebitRun() {
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(40);
        while (day.getDayOfWeek().getValue() > 5 || (day.getMonthValue() == 12 && day.getDayOfMonth() >= 25)
                || (day.getMonthValue() == 1 && day.getDayOfMonth() == 1) || (day.getMonthValue() == 5 && day.getDayOfMonth() == 1)) {
            day = day.plusDays(1);
        }
        return Call.json("POST", "/sepa-files/direct-debits", "{\"collectionDate\": \"" + day + "\"}", 201);
    }

    /** A's debtor gets 3.21 of credit, and a refund of 0.01 of it is asked. */
    private Call refundOfA() {
        expect(Call.json("POST", "/payments/" + unmatchedPaymentOfA() + "/allocation",
                "{\"debtorId\": \"" + invoices.debtor(world.a) + "\"}", 200), world.a);
        return Call.json("POST", "/refunds", """
                {"debtorId": "%s", "amount": "0.01", "iban": "NL44RABO0123456789"}""".formatted(invoices.debtor(world.a)), 201);
    }

    private synchronized String refundA() {
        if (refundA == null) {
            refundA = expect(refundOfA(), world.a).path("refundId");
        }
        return refundA;
    }

    private synchronized String fileA() {
        if (fileA == null) {
            refundA();
            expect(refundOfA(), world.a);
            fileA = expect(Call.json("POST", "/sepa-files/credit-transfers", "{}", 201), world.a).path("fileId");
        }
        return fileA;
    }

    private void awaitOpenItem(String invoice) {
        await().atMost(Duration.ofSeconds(90)).until(() -> Call.get("/open-items?limit=200").send(url,
                world.token(world.a, "tenant-admin")).asString().contains(invoice));
    }

    private Response expect(Call call, World.Tenant tenant) {
        Response response = call.send(url, world.token(tenant, "tenant-admin"));
        assertThat(response.statusCode()).as(call.operation() + " for " + tenant.name() + ": " + response.asString())
                .isEqualTo(call.expected());
        return response;
    }

    private String unmatchedPaymentOfA() {
        return expect(Call.json("POST", "/payments", """
                {"amount": "3.21", "valueDate": "2026-11-20", "remittanceInformation": "zie mail"}""", 201), world.a)
                .path("paymentId");
    }

    private Response asB(Call call) {
        return call.send(url, world.token(world.b, "tenant-admin"));
    }

    private void notFoundForB(Call call) {
        Response response = asB(call);
        assertThat(response.statusCode()).as("tenant B: " + call.operation() + " " + response.asString()).isEqualTo(404);
    }

    Map<String, Fixture> all() {
        Map<String, Fixture> fixtures = new LinkedHashMap<>();
        String invoiceA = invoices.invoice(world.a);
        String debtorA = invoices.debtor(world.a);
        fixtures.put("POST /payments", Fixture.of(() -> Call.json("POST", "/payments", """
                {"amount": "1.00", "valueDate": "2026-11-20", "invoiceId": "%s"}""".formatted(invoiceA), 201), call -> {
                    // B naming A's invoice places nothing on it
                    Response response = asB(call);
                    assertThat(response.statusCode()).isEqualTo(201);
                    assertThat((String) response.path("status")).isEqualTo("UNMATCHED");
                    assertThat(response.asString()).doesNotContain(debtorA);
                }));
        fixtures.put("GET /payments", Fixture.of(() -> Call.get("/payments"), call -> {
            Response response = asB(call);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.asString()).doesNotContain(paymentA).doesNotContain(invoiceA);
        }));
        fixtures.put("GET /payments/{id}", Fixture.of(() -> Call.get("/payments/" + paymentA), this::notFoundForB));
        fixtures.put("POST /payments/{id}/allocation", Fixture.of(() -> Call.json("POST",
                "/payments/" + unmatchedPaymentOfA() + "/allocation", "{\"debtorId\": \"" + debtorA + "\"}", 200),
                this::notFoundForB));
        fixtures.put("GET /open-items", Fixture.of(() -> Call.get("/open-items"), call -> {
            Response response = asB(call);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.asString()).contains(invoices.invoice(world.b)).doesNotContain(invoiceA);
        }));
        fixtures.put("GET /debtors/{id}/credit", Fixture.of(() -> Call.get("/debtors/" + debtorA + "/credit"),
                this::notFoundForB));
        fixtures.put("GET /payment-settings", Fixture.of(() -> Call.get("/payment-settings"), call -> {
            Response response = asB(call);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.asString()).contains("0.5").doesNotContain("1.00");
        }));
        fixtures.put("PUT /payment-settings", Fixture.of(() -> Call.json("PUT", "/payment-settings",
                "{\"tolerance\": \"1.00\"}", 200), call -> {
                    assertThat(asB(Call.json("PUT", "/payment-settings", "{\"tolerance\": \"0.50\"}", 200)).statusCode())
                            .isEqualTo(200);
                    assertThat(Call.get("/payment-settings").send(url, world.token(world.a, "tenant-admin")).asString())
                            .contains("1.0");
                }));
        String providerA = """
                {"provider": "mollie", "apiKey": "test_key_of_a", "baseUrl": "http://127.0.0.1:9/v2",
                 "webhookBaseUrl": "https://tijdig.example"}""";
        fixtures.put("PUT /payment-provider", Fixture.of(() -> Call.json("PUT", "/payment-provider", providerA, 200), call -> {
            // B's PUT sets B's provider only
            assertThat(asB(Call.json("PUT", "/payment-provider", providerA.replace("test_key_of_a", "test_key_of_b"), 200))
                    .statusCode()).isEqualTo(200);
            assertThat(Call.get("/payment-provider").send(url, world.token(world.a, "tenant-admin")).asString())
                    .contains("of_a").doesNotContain("of_b");
        }));
        fixtures.put("GET /payment-provider", Fixture.of(() -> {
            expect(Call.json("PUT", "/payment-provider", providerA, 200), world.a);
            return Call.get("/payment-provider");
        }, call -> assertThat(asB(call).asString()).doesNotContain("of_a")));
        fixtures.put("POST /callbacks/{partnerId}/payments", Fixture.of(() -> new Call("POST",
                "/callbacks/" + java.util.UUID.randomUUID() + "/payments", "application/x-www-form-urlencoded", "id=tr_x", 404),
                call -> assertThat(asB(call).asString()).doesNotContain(invoiceA)));
        String statement = """
                :940:
                :20:940S261120
                :25:NL34RABO0142623393 EUR
                :28C:0
                :60F:C261119EUR000000000000,00
                :61:261120C000000000001,00N541NONREF
                :86:/ORDP//NAME/TEST/REMI/suite/
                :62F:C261120EUR000000000001,00
                """;
        fixtures.put("POST /bank-statements", Fixture.of(() -> new Call("POST", "/bank-statements", "text/plain", statement, 202),
                call -> {
                    // what B imports is B's: its import is not A's to see
                    String theirs = asB(call).then().statusCode(202).extract().path("importId");
                    assertThat(Call.get("/bank-statements/" + theirs).send(url, world.token(world.a, "tenant-admin"))
                            .statusCode()).isEqualTo(404);
                }));
        fixtures.put("GET /bank-statements/{id}", Fixture.of(() -> Call.get("/bank-statements/"
                + expect(new Call("POST", "/bank-statements", "text/plain", statement, 202), world.a).path("importId")),
                this::notFoundForB));
        fixtures.put("GET /debtors/{id}/mandate", Fixture.of(() -> Call.get("/debtors/" + debtorA + "/mandate"), call -> {
            expect(mandateOfA(), world.a);
            notFoundForB(call);
        }));
        fixtures.put("PUT /debtors/{id}/mandate", Fixture.of(this::mandateOfA, this::notFoundForB));
        fixtures.put("DELETE /debtors/{id}/mandate", Fixture.of(() -> {
            expect(mandateOfA(), world.a);
            return new Call("DELETE", "/debtors/" + debtorA + "/mandate", null, null, 204);
        }, call -> {
            notFoundForB(call);
            assertThat(Call.get("/debtors/" + debtorA + "/mandate").send(url, world.token(world.a, "tenant-admin"))
                    .statusCode()).isEqualTo(200);
        }));
        fixtures.put("GET /direct-debit-settings", Fixture.of(() -> Call.get("/direct-debit-settings"),
                call -> assertThat(asB(call).asString()).contains(CREDITOR_ID_B).doesNotContain(CREDITOR_ID_A)));
        fixtures.put("PUT /direct-debit-settings", Fixture.of(() -> Call.json("PUT", "/direct-debit-settings",
                "{\"creditorId\": \"" + CREDITOR_ID_A + "\"}", 200), call -> {
                    assertThat(asB(Call.json("PUT", "/direct-debit-settings", "{\"creditorId\": \"" + CREDITOR_ID_B + "\"}",
                            200)).statusCode()).isEqualTo(200);
                    assertThat(Call.get("/direct-debit-settings").send(url, world.token(world.a, "tenant-admin")).asString())
                            .contains(CREDITOR_ID_A);
                }));
        fixtures.put("POST /refunds", Fixture.of(this::refundOfA, this::notFoundForB));
        fixtures.put("GET /refunds/{id}", Fixture.of(() -> Call.get("/refunds/" + refundA()), this::notFoundForB));
        fixtures.put("POST /sepa-files/credit-transfers", Fixture.of(() -> {
            expect(refundOfA(), world.a);
            return Call.json("POST", "/sepa-files/credit-transfers", "{}", 201);
        }, call -> {
            // B has no refund waiting: A's are not B's to put in a file
            Response response = asB(call);
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(409);
        }));
        fixtures.put("POST /sepa-files/direct-debits", Fixture.of(() -> {
            expect(mandateOfA(), world.a);
            awaitOpenItem(invoices.newInvoice(world.a));
            return directDebitRun();
        }, call -> {
            // B has no debtor with a mandate: A's due invoices are not B's to collect
            Response response = asB(call);
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(409);
        }));
        fixtures.put("GET /sepa-files/{id}", Fixture.of(() -> Call.get("/sepa-files/" + fileA()), this::notFoundForB));
        fixtures.put("GET /sepa-files/{id}/document", Fixture.of(() -> Call.get("/sepa-files/" + fileA() + "/document"),
                this::notFoundForB));
        fixtures.putAll(new DeadLetterFixtures(world, url, "tijdig.invoice.v1").all());
        return fixtures;
    }
}
