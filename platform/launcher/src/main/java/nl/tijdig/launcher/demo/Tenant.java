package nl.tijdig.launcher.demo;

import static io.restassured.RestAssured.given;

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
 * A creditor tenant set up as an integrator would: a tenant and a client in Keycloak (roles integrator, tenant-admin,
 * collector), then its creditor profile, debtors and invoices through the REST API, every call with its own token.
 */
public final class Tenant {

    /** The creditor's bank account (bank statements are of this account). */
    public static final String IBAN = "NL91ABNA0417164300";

    public final String name;
    public final UUID tenantId = UUID.randomUUID();
    private final Target target;
    private final KeycloakAdmin.Client client;
    private String token;
    private Instant tokenAt = Instant.EPOCH;

    private Tenant(Target target, String name) {
        this.target = target;
        this.name = name;
        String group = target.admin().createTenant(name, tenantId);
        this.client = target.admin().createServiceClient(name + "-integrator", group,
                List.of("integrator", "tenant-admin", "collector"), Map.of());
    }

    /** A new tenant named {@code name} plus a random suffix, with its creditor profile (B2B terms of 30 days). */
    public static Tenant create(Target target, String name) {
        Tenant tenant = new Tenant(target, name + "-" + UUID.randomUUID().toString().substring(0, 8));
        tenant.call("invoice-service").body("""
                {"name": "Schoonmaakbedrijf Helder B.V.",
                 "address": {"street": "Stationsplein 1", "postalCode": "3511 ED", "city": "Utrecht", "countryCode": "NL"},
                 "kvkNumber": "87654321", "vatId": "NL001234567B01", "iban": "%s", "bic": "ABNANL2A",
                 "senderEmail": "debiteuren@helder.nl", "b2bTermDays": 30, "invoiceSeries": "%s"}"""
                .formatted(IBAN, "T" + tenant.tenantId.toString().substring(0, 4).toUpperCase()))
                .put("/creditor-profile").then().statusCode(200);
        return tenant;
    }

    public Target target() {
        return target;
    }

    /** A request to one of the services with this tenant's token. */
    public RequestSpecification call(String service) {
        return given().filter(RespectRateLimit.INSTANCE).baseUri(target.url(service)).auth().oauth2(token()).contentType("application/json");
    }

    /** A valid access token of the tenant's integrator client (renewed when a minute old), for a client of its own. */
    public String bearer() {
        return token();
    }

    private synchronized String token() {
        if (tokenAt.isBefore(Instant.now().minusSeconds(60))) {
            token = target.admin().token(client);
            tokenAt = Instant.now();
        }
        return token;
    }

    /** Registers a business debtor; returns its id. */
    public String businessDebtor(String name, String email) {
        return call("invoice-service").body(Map.of("kind", "BUSINESS", "name", name, "email", email,
                "kvkNumber", "12345678", "address", Map.of("street", "Keizersgracht 123", "postalCode", "1015 CJ",
                        "city", "Amsterdam", "countryCode", "NL")))
                .post("/debtors").then().statusCode(201).extract().path("id");
    }

    /** Registers a consumer; returns its id. */
    public String consumerDebtor(String name, String email, String street) {
        return call("invoice-service").body(Map.of("kind", "CONSUMER", "name", name, "email", email,
                "address", Map.of("street", street, "postalCode", "1234 AB", "city", "Ergens", "countryCode", "NL")))
                .post("/debtors").then().statusCode(201).extract().path("id");
    }

    /** Issues an invoice of {@code quantity} hours at € 45.00 plus 21 % VAT, delivered today; returns it as issued. */
    public JsonPath invoice(String debtorId, int quantity) {
        return invoice(debtorId, quantity, target.today());
    }

    /** As {@link #invoice(String, int)}, delivered on {@code delivered} (asks no other service for the day). */
    public JsonPath invoice(String debtorId, int quantity, LocalDate delivered) {
        return call("invoice-service").body("""
                {"debtorId": "%s", "deliveryDate": "%s",
                 "lines": [{"description": "Schoonmaak kantoor", "quantity": %d, "unitPrice": "45.00", "vat": "STANDARD"}]}"""
                .formatted(debtorId, delivered, quantity)).post("/invoices").then().statusCode(201).extract().jsonPath();
    }

    /** The invoice as the invoice-service shows it. */
    public JsonPath invoiceView(String invoiceId) {
        return call("invoice-service").get("/invoices/" + invoiceId).then().statusCode(200).extract().jsonPath();
    }

    /** The dunning case of an invoice, or null while the dunning-service has not heard of it. */
    public JsonPath dunningCase(String invoiceId) {
        Response response = call("dunning-service").get("/cases/" + invoiceId);
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /cases/" + invoiceId + ": " + response.statusCode() + " " + response.asString());
        }
        return response.jsonPath();
    }

    /** Whether the tenant has a dunning case in {@code status} (one small request). */
    public boolean hasDunningCases(String status) {
        return !call("dunning-service").queryParam("limit", 1).queryParam("status", status).get("/cases").then()
                .statusCode(200).extract().jsonPath().getList("cases").isEmpty();
    }

    /** The tenant's dunning cases (in a state, or all; as {@code GET /cases} lists them), every page. */
    public List<Map<String, Object>> dunningCases(String status) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        String after = null;
        do {
            RequestSpecification request = call("dunning-service").queryParam("limit", 200);
            if (status != null) {
                request = request.queryParam("status", status);
            }
            if (after != null) {
                request = request.queryParam("after", after);
            }
            JsonPath page = request.get("/cases").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("cases"));
            after = page.getString("next");
        } while (after != null);
        return all;
    }

    /** Reports a payment by API, as a bank integration would. */
    public JsonPath pay(String amount, String reference, LocalDate valueDate) {
        return call("payment-service").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("amount", amount, "currency", "EUR", "valueDate", valueDate.toString(), "payerName",
                        "Bakkerij De Gouden Korst B.V.", "payerIban", "NL93RABO0123456780", "remittanceInformation",
                        reference))
                .post("/payments").then().statusCode(201).extract().jsonPath();
    }
}
