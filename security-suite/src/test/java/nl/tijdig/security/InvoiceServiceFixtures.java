package nl.tijdig.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

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
    private String deadLetter;

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

    private String newInvoice(World.Tenant tenant) {
        return expect(Call.json("POST", "/invoices", invoiceBody(debtor.get(tenant.name())), 201), tenant).path("invoiceId");
    }

    static String invoiceBody(String debtorId) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        return """
                {"debtorId": "%s", "deliveryDate": "%s",
                 "lines": [{"description": "Schoonmaak kantoor", "quantity": 20, "unitPrice": "45.00", "vat": "STANDARD"}]}"""
                .formatted(debtorId, today);
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
        fixtures.put("GET /creditor-profile", fixture(() -> Call.get("/creditor-profile"), call -> {
            Response response = asB(call);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.asString()).contains("Stralend").doesNotContain("Helder");
        }));
        fixtures.put("PUT /creditor-profile", fixture(() -> Call.json("PUT", "/creditor-profile", PROFILE_A, 200), call -> {
            // B's PUT changes B's profile only: A's stays A's
            assertThat(asB(Call.json("PUT", "/creditor-profile", PROFILE_B, 200)).statusCode()).isEqualTo(200);
            Response mine = Call.get("/creditor-profile").send(url, world.token(world.a, "tenant-admin"));
            assertThat(mine.asString()).contains("Helder").doesNotContain("Stralend");
        }));
        fixtures.put("POST /debtors", fixture(() -> Call.json("POST", "/debtors", DEBTOR, 201), call -> {
            // what B registers is B's: A cannot see it
            String theirs = asB(call).then().statusCode(201).extract().path("id");
            assertThat(Call.get("/debtors/" + theirs).send(url, world.token(world.a, "tenant-admin")).statusCode())
                    .isEqualTo(404);
        }));
        fixtures.put("GET /debtors/{id}", fixture(() -> Call.get("/debtors/" + a(debtor)), this::notFoundForB));
        fixtures.put("PUT /debtors/{id}", fixture(() -> Call.json("PUT", "/debtors/" + a(debtor), DEBTOR, 200),
                this::notFoundForB));
        fixtures.put("GET /invoices", fixture(() -> Call.get("/invoices"), call -> {
            Response response = asB(call);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.asString()).contains(invoice.get(world.b.name())).doesNotContain(a(invoice))
                    .doesNotContain(a(debtor));
        }));
        fixtures.put("POST /invoices", fixture(() -> Call.json("POST", "/invoices", invoiceBody(a(debtor)), 201), call -> {
            // B naming A's debtor: no such debtor for B
            Response response = asB(call);
            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(response.asString()).contains("debtorId");
        }));
        fixtures.put("GET /invoices/{id}", fixture(() -> Call.get("/invoices/" + a(invoice)), this::notFoundForB));
        fixtures.put("POST /invoices/{id}/credit-notes", fixture(() -> Call.json("POST",
                "/invoices/" + newInvoice(world.a) + "/credit-notes",
                "{\"lines\": [{\"description\": \"Correctie\", \"quantity\": 1, \"unitPrice\": \"10.00\", \"vat\": \"STANDARD\"}]}",
                201), this::notFoundForB));
        fixtures.put("POST /invoices/{id}/cancellation", fixture(() -> Call.json("POST",
                "/invoices/" + newInvoice(world.a) + "/cancellation", "{\"reason\": \"vergissing\"}", 200),
                this::notFoundForB));
        fixtures.put("GET /invoices/{id}/ubl", fixture(() -> Call.get("/invoices/" + a(invoice) + "/ubl"),
                this::notFoundForB));
        fixtures.put("POST /invoices/ubl", fixture(() -> new Call("POST", "/invoices/ubl", "application/xml",
                ublOfA(), 201), call -> {
                    // A's document at B: its seller is not B
                    Response response = asB(call);
                    assertThat(response.statusCode()).isEqualTo(422);
                    assertThat(response.asString()).contains("is not this tenant");
                }));
        fixtures.put("GET /admin/dead-letters", fixture(() -> Call.get("/admin/dead-letters"), this::noTenant));
        fixtures.put("GET /admin/dead-letters/{id}", fixture(() -> Call.get("/admin/dead-letters/" + deadLetter()),
                this::noTenant));
        fixtures.put("POST /admin/dead-letters/{id}/redrive", fixture(() -> new Call("POST",
                "/admin/dead-letters/" + deadLetter() + "/redrive", null, null, 200), this::noTenant));
        return fixtures;
    }

    /** Operator endpoints work across tenants: a tenant's token is refused by role, which (c) checks. */
    private void noTenant(Call call) {
        assertThat(asB(call).statusCode()).isEqualTo(403);
    }

    /** A's own invoice exported as UBL, under a number not issued yet. */
    private String ublOfA() {
        String xml = Call.get("/invoices/" + a(invoice) + "/ubl").send(url, world.token(world.a, "tenant-admin")).asString();
        String number = Call.get("/invoices/" + a(invoice)).send(url, world.token(world.a, "tenant-admin")).path("invoiceNumber");
        return xml.replaceFirst("<cbc:ID>" + number + "</cbc:ID>", "<cbc:ID>UBL-" + numbers.incrementAndGet() + "</cbc:ID>");
    }

    /** A dead letter of the service: a record on a topic it consumes that is no CloudEvent. */
    private synchronized String deadLetter() {
        if (deadLetter != null) {
            return deadLetter;
        }
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, world.kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (int attempt = 0; attempt < 60 && deadLetter == null; attempt++) {
                producer.send(new ProducerRecord<>("tijdig.payment.v1", "security-suite", "not an event".getBytes()));
                producer.flush();
                World.sleep(java.time.Duration.ofSeconds(1));
                deadLetter = Call.get("/admin/dead-letters").send(url, world.token(world.a, "operator")).path("[0].id");
            }
        }
        assertThat(deadLetter).as("a dead letter appeared").isNotNull();
        return deadLetter;
    }

    private static Fixture fixture(java.util.function.Supplier<Call> call, java.util.function.Consumer<Call> other) {
        return new Fixture() {
            @Override
            public Call call() {
                return call.get();
            }

            @Override
            public void otherTenant(Call c) {
                other.accept(c);
            }
        };
    }
}
