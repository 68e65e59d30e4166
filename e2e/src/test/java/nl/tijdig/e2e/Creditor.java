package nl.tijdig.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.tijdig.testing.keycloak.KeycloakAdmin;

/**
 * A creditor tenant of a test, set up as an integrator would: a tenant and a client in Keycloak, then the creditor
 * profile, debtors and invoices through the REST API. Every call carries a real token of the tenant.
 */
final class Creditor {

    static final String IBAN = "NL91ABNA0417164300";

    final String name;
    final UUID tenantId = UUID.randomUUID();
    private final KeycloakAdmin admin;
    private final KeycloakAdmin.Client client;
    private String token;
    private Instant tokenAt = Instant.EPOCH;

    private Creditor(String name) {
        this.name = name;
        this.admin = Stack.platform().demo().admin();
        String group = admin.createTenant(name, tenantId);
        this.client = admin.createServiceClient(name + "-integrator", group,
                List.of("integrator", "tenant-admin", "collector"), Map.of());
    }

    /** A new tenant (name unique per test) with its creditor profile. */
    static Creditor create(String name) {
        Creditor creditor = new Creditor(name + "-" + UUID.randomUUID().toString().substring(0, 8));
        creditor.call("invoice-service").body("""
                {"name": "Schoonmaakbedrijf Helder B.V.",
                 "address": {"street": "Stationsplein 1", "postalCode": "3511 ED", "city": "Utrecht", "countryCode": "NL"},
                 "kvkNumber": "87654321", "vatId": "NL001234567B01", "iban": "%s", "bic": "ABNANL2A",
                 "senderEmail": "debiteuren@helder.nl", "b2bTermDays": 30, "invoiceSeries": "E2E"}""".formatted(IBAN))
                .put("/creditor-profile").then().statusCode(200);
        return creditor;
    }

    /** A request to one of the services with this tenant's token. */
    RequestSpecification call(String service) {
        return given().baseUri(Stack.url(service)).auth().oauth2(token()).contentType("application/json");
    }

    private synchronized String token() {
        if (tokenAt.isBefore(Instant.now().minusSeconds(60))) {
            token = admin.token(client);
            tokenAt = Instant.now();
        }
        return token;
    }

    /** Registers a business debtor; returns its id. */
    String businessDebtor(String name, String email) {
        return call("invoice-service").body(Map.of("kind", "BUSINESS", "name", name, "email", email,
                "kvkNumber", "12345678", "address", Map.of("street", "Keizersgracht 123", "postalCode", "1015 CJ",
                        "city", "Amsterdam", "countryCode", "NL")))
                .post("/debtors").then().statusCode(201).extract().path("id");
    }

    /** Issues an invoice of {@code quantity} hours at € 45.00 plus 21 % VAT; returns it as issued. */
    JsonPath invoice(String debtorId, int quantity) {
        return invoice(debtorId, quantity, Stack.today());
    }

    /** As {@link #invoice(String, int)}, delivered on {@code delivered} (asks no other service for the day). */
    JsonPath invoice(String debtorId, int quantity, LocalDate delivered) {
        return call("invoice-service").body("""
                {"debtorId": "%s", "deliveryDate": "%s",
                 "lines": [{"description": "Schoonmaak kantoor", "quantity": %d, "unitPrice": "45.00", "vat": "STANDARD"}]}"""
                .formatted(debtorId, delivered, quantity)).post("/invoices").then().statusCode(201).extract().jsonPath();
    }

    /** The invoice as the invoice-service shows it. */
    JsonPath invoiceView(String invoiceId) {
        return call("invoice-service").get("/invoices/" + invoiceId).then().statusCode(200).extract().jsonPath();
    }

    /** The dunning case of an invoice, or null while the dunning-service has not heard of it. */
    JsonPath dunningCase(String invoiceId) {
        Response response = call("dunning-service").get("/cases/" + invoiceId);
        if (response.statusCode() == 404) {
            return null;
        }
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    /** Reports a payment by API, as a bank integration would. */
    JsonPath pay(String amount, String reference, LocalDate valueDate) {
        return call("payment-service").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("amount", amount, "currency", "EUR", "valueDate", valueDate.toString(), "payerName",
                        "Bakkerij De Gouden Korst B.V.", "payerIban", "NL93RABO0123456780", "remittanceInformation",
                        reference))
                .post("/payments").then().statusCode(201).extract().jsonPath();
    }
}
