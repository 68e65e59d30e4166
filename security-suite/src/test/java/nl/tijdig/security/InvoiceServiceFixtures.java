package nl.tijdig.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Fixtures for every operation of the invoice-service, for tenants A and B. */
final class InvoiceServiceFixtures {

    static final String SERVICE = "invoice-service";

    static final String PROFILE_A = """
            {"name": "Schoonmaakbedrijf Helder B.V.",
             "address": {"street": "Stationsplein 1", "postalCode": "3511 ED", "city": "Utrecht", "countryCode": "NL"},
             "kvkNumber": "87654321", "vatId": "NL001234567B01", "iban": "NL91ABNA0417164300", "bic": "ABNANL2A",
             "senderEmail": "debiteuren@helder.nl", "b2bTermDays": 30, "invoiceSeries": "A26"}""";
    static final String PROFILE_B = """
            {"name": "Glazenwasserij Stralend B.V.",
             "address": {"street": "Markt 2", "postalCode": "5611 EB", "city": "Eindhoven", "countryCode": "NL"},
             "kvkNumber": "23456789", "vatId": "NL002345678B01", "iban": "NL91ABNA0417164300",
             "senderEmail": "debiteuren@stralend.nl", "b2bTermDays": 30, "invoiceSeries": "B26"}""";
    static final String DEBTOR = """
            {"kind": "BUSINESS", "name": "Bakkerij De Gouden Korst B.V.",
             "address": {"street": "Keizersgracht 123", "postalCode": "1015 CJ", "city": "Amsterdam", "countryCode": "NL"},
             "kvkNumber": "12345678", "email": "administratie@goudenkorst.nl"}""";

    private final World world;
    private final String url;
    private final AtomicInteger numbers = new AtomicInteger();
    private final Map<String, String> debtor = new LinkedHashMap<>();
    private final Map<String, String> invoice = new LinkedHashMap<>();

    InvoiceServiceFixtures(World world) {
        this.world = world;
        this.url = world.services.get(SERVICE).url();
        setUp(world.a, PROFILE_A);
        setUp(world.b, PROFILE_B);
    }

    private void setUp(World.Tenant tenant, String profile) {
        expect(Call.json("PUT", "/creditor-profile", profile, 200), tenant);
        String debtorId = expect(Call.json("POST", "/debtors", DEBTOR, 201), tenant).path("id");
        debtor.put(tenant.name(), debtorId);
        invoice.put(tenant.name(), newInvoice(tenant));
    }

    private Response expect(Call call, World.Tenant tenant) {
        Response response = call.send(url, world.token(tenant, "tenant-admin"));
        assertThat(response.statusCode()).as(call.operation() + " for " + tenant.name() + ": " + response.asString())
                .isEqualTo(call.expected());
        return response;
    }

    /** A new invoice of the tenant's debtor (due in 30 days). */
    String newInvoice(World.Tenant tenant) {
        return expect(Call.json("POST", "/invoices", invoiceBody(debtor.get(tenant.name())), 201), tenant).path("invoiceId");
    }

    static String invoiceBody(String debtorId) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        return """
                {"debtorId": "%s", "deliveryDate": "%s",
                 "lines": [{"description": "Schoonmaak kantoor", "quantity": 20, "unitPrice": "45.00", "vat": "STANDARD"}]}"""
                .formatted(debtorId, today);
    }

    /** The debtor set up for a tenant. */
    String debtor(World.Tenant tenant) {
        return debtor.get(tenant.name());
    }

    /** The invoice set up for a tenant. */
    String invoice(World.Tenant tenant) {
        return invoice.get(tenant.name());
    }

    private String a(Map<String, String> of) {
        return of.get(world.a.name());
    }

    private Response asB(Call call) {
        return call.send(url, world.token(world.b, "tenant-admin"));
    }

    private void notFoundForB(Call call) {
        Response response = asB(call);
        assertThat(response.statusCode()).as("tenant B: " + call.operation() + " " + response.asString()).isEqualTo(404);
    }

    /** The fixture of each operation, by "METHOD /path" as the OpenAPI document names it. */
    Map<String, Fixture> all() {
        Map<String, Fixture> fixtures = new LinkedHashMap<>();
        fixtures.put("GET /creditor-profile", Fixture.of(() -> Call.get("/creditor-profile"), call -> {
            Response response = asB(call);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.asString()).contains("Stralend").doesNotContain("Helder");
        }));
        fixtures.put("PUT /creditor-profile", Fixture.of(() -> Call.json("PUT", "/creditor-profile", PROFILE_A, 200), call -> {
            // B's PUT changes B's profile only: A's stays A's
            assertThat(asB(Call.json("PUT", "/creditor-profile", PROFILE_B, 200)).statusCode()).isEqualTo(200);
            Response mine = Call.get("/creditor-profile").send(url, world.token(world.a, "tenant-admin"));
            assertThat(mine.asString()).contains("Helder").doesNotContain("Stralend");
        }));
        fixtures.put("POST /debtors", Fixture.of(() -> Call.json("POST", "/debtors", DEBTOR, 201), call -> {
            // what B registers is B's: A cannot see it
            String theirs = asB(call).then().statusCode(201).extract().path("id");
            assertThat(Call.get("/debtors/" + theirs).send(url, world.token(world.a, "tenant-admin")).statusCode())
                    .isEqualTo(404);
        }));
        fixtures.put("GET /debtors/{id}", Fixture.of(() -> Call.get("/debtors/" + a(debtor)), this::notFoundForB));
        fixtures.put("PUT /debtors/{id}", Fixture.of(() -> Call.json("PUT", "/debtors/" + a(debtor), DEBTOR, 200),
                this::notFoundForB));
        fixtures.put("GET /invoices", Fixture.of(() -> Call.get("/invoices"), call -> {
            Response response = asB(call);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.asString()).contains(invoice.get(world.b.name())).doesNotContain(a(invoice))
                    .doesNotContain(a(debtor));
        }));
        fixtures.put("POST /invoices", Fixture.of(() -> Call.json("POST", "/invoices", invoiceBody(a(debtor)), 201), call -> {
            // B naming A's debtor: no such debtor for B
            Response response = asB(call);
            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(response.asString()).contains("debtorId");
        }));
        fixtures.put("POST /invoices/batch", Fixture.of(() -> Call.json("POST", "/invoices/batch",
                "{\"invoices\": [" + invoiceBody(a(debtor)) + "]}", 201), call -> {
                    // B naming A's debtor in a batch: no such debtor for B, and nothing issued
                    Response response = asB(call);
                    assertThat(response.statusCode()).isEqualTo(422);
                    assertThat(response.asString()).contains("invoices[0].debtorId");
                }));
        fixtures.put("GET /invoices/{id}", Fixture.of(() -> Call.get("/invoices/" + a(invoice)), this::notFoundForB));
        fixtures.put("POST /invoices/{id}/credit-notes", Fixture.of(() -> Call.json("POST",
                "/invoices/" + newInvoice(world.a) + "/credit-notes",
                "{\"lines\": [{\"description\": \"Correctie\", \"quantity\": 1, \"unitPrice\": \"10.00\", \"vat\": \"STANDARD\"}]}",
                201), this::notFoundForB));
        fixtures.put("POST /invoices/{id}/cancellation", Fixture.of(() -> Call.json("POST",
                "/invoices/" + newInvoice(world.a) + "/cancellation", "{\"reason\": \"vergissing\"}", 200),
                this::notFoundForB));
        fixtures.put("GET /invoices/{id}/ubl", Fixture.of(() -> Call.get("/invoices/" + a(invoice) + "/ubl"),
                this::notFoundForB));
        fixtures.put("POST /invoices/ubl", Fixture.of(() -> new Call("POST", "/invoices/ubl", "application/xml",
                ublOfA(), 201), call -> {
                    // A's document at B: its seller is not B
                    Response response = asB(call);
                    assertThat(response.statusCode()).isEqualTo(422);
                    assertThat(response.asString()).contains("is not this tenant");
                }));
        fixtures.putAll(new DeadLetterFixtures(world, url, "tijdig.payment.v1").all());
        return fixtures;
    }

    /** A's own invoice exported as UBL, under a number not issued yet. */
    private String ublOfA() {
        String xml = Call.get("/invoices/" + a(invoice) + "/ubl").send(url, world.token(world.a, "tenant-admin")).asString();
        String number = Call.get("/invoices/" + a(invoice)).send(url, world.token(world.a, "tenant-admin")).path("invoiceNumber");
        return xml.replaceFirst("<cbc:ID>" + number + "</cbc:ID>", "<cbc:ID>UBL-" + numbers.incrementAndGet() + "</cbc:ID>");
    }
}
