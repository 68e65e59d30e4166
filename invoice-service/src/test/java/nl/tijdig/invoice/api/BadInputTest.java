package nl.tijdig.invoice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input as an integrator's generator of malformed requests sent it (issue #23): each is refused with
 * problem+json naming the field — 400 where the value is of the wrong kind or beyond its limit, 422 where a
 * rule is broken — never a 500, and nothing is stored.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "invoice"))
class BadInputTest {

    static final String TENANT = "0193a6f2-0000-7000-8000-0000000000e1";

    @Inject
    Pool pool;

    @ParameterizedTest(name = "{0}")
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    @CsvSource(delimiter = '|', textBlock = """
            a NUL in the name                  | "name": "Bakkerij De Gouden Korst B.V."  | "name": "Bakkerij\\u0000"      | 400 | name
            a name of 70,000 characters        | "name": "Bakkerij De Gouden Korst B.V."  | "name": "LONG"                 | 400 | name
            the kind as a number               | "kind": "BUSINESS"                      | "kind": 0                      | 400 | kind
            the kind unknown                   | "kind": "BUSINESS"                      | "kind": "SHOP"                 | 400 | kind
            the segment as a number            | "kind": "BUSINESS"                      | "kind": "BUSINESS", "segment": 0 | 400 | segment
            a field the API does not have      | "kind": "BUSINESS"                      | "kind": "BUSINESS", "id": "x"  | 400 | id
            a Dutch postal code xxxxxxxx       | "postalCode": "1015 CJ"                 | "postalCode": "xxxxxxxx"       | 422 | address.postalCode
            a country that is not ISO 3166     | "countryCode": "NL"                     | "countryCode": "XX"            | 422 | address.countryCode
            a country in small letters         | "countryCode": "NL"                     | "countryCode": "nl"            | 422 | address.countryCode
            an IBAN failing its check digits   | "iban": "NL91 ABNA 0417 1643 00"        | "iban": "NL91ABNA0417164301"   | 422 | iban
            a street with a line break         | "street": "Keizersgracht 123"           | "street": "Keizersgracht\\n123" | 400 | address.street
            """)
    void a_debtor_with_a_bad_field_is_refused_naming_it_and_nothing_is_stored(String what, String valid, String broken,
            int status, String field) {
        long before = events();
        String body = DebtorApiTest.BAKERY.replace(valid, broken.replace("\"LONG\"", "\"" + "x".repeat(70_000) + "\""));
        assertThat(body).isNotEqualTo(DebtorApiTest.BAKERY);

        given().contentType(ContentType.JSON).body(body).when().post("/debtors")
                .then().statusCode(status).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem(field));
        assertThat(events()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @TestSecurity(user = "admin", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    @CsvSource(delimiter = '|', textBlock = """
            the delivery date as a number       | "deliveryDate": "2026-11-20"      | "deliveryDate": -1                | 400 | deliveryDate
            a delivery date in the year 9999    | "deliveryDate": "2026-11-20"      | "deliveryDate": "9999-01-01"      | 400 | deliveryDate
            a unit price of 1e308               | "unitPrice": 2.49                 | "unitPrice": 1e308                | 400 | lines[1].unitPrice
            a unit price of 1e400               | "unitPrice": 2.49                 | "unitPrice": 1e400                | 400 | lines[1].unitPrice
            a quantity of -999999999999999      | "quantity": 3,                    | "quantity": -999999999999999,     | 400 | lines[1].quantity
            a unit price of five decimals       | "unitPrice": 2.49                 | "unitPrice": 2.49001              | 400 | lines[1].unitPrice
            the VAT as a number                 | "vat": "REDUCED"                  | "vat": 0                          | 400 | lines[1].vat
            a negative unit price (BR-27)       | "unitPrice": 2.49                 | "unitPrice": -2.49                | 422 | lines[1].unitPrice
            lines making a negative total       | "quantity": 3,                    | "quantity": -3000,                | 422 | lines
            a purchase order with a NUL         | "purchaseOrder": "PO-2026-118"    | "purchaseOrder": "PO\\u0000"      | 400 | purchaseOrder
            a discount of 150 percent           | "percent": 2                      | "percent": 150                    | 400 | discount.percent
            a duplicate key                     | "issueDate": "2026-11-23"         | "issueDate": "2026-11-23", "issueDate": "2026-11-24" | 400 | body
            """)
    void an_invoice_with_a_bad_field_is_refused_naming_it_and_takes_no_number(String what, String valid, String broken,
            int status, String field) {
        given().contentType(ContentType.JSON).body(CreditorProfileApiTest.PROFILE).when().put("/creditor-profile")
                .then().statusCode(200);
        String debtor = DebtorApiTest.register(DebtorApiTest.BAKERY);
        long before = events();
        String body = InvoiceApiTest.invoice(debtor).replace(valid, broken);
        assertThat(body).isNotEqualTo(InvoiceApiTest.invoice(debtor));

        given().contentType(ContentType.JSON).body(body).when().post("/invoices")
                .then().statusCode(status).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem(field));
        assertThat(events()).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_query_or_path_parameter_with_a_control_character_is_refused_naming_it() {
        given().urlEncodingEnabled(false).when().get("/invoices?status=PAID%00x")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("status"));
        // a parameter of the wrong kind is a 400 naming it, not a 404 as if the resource did not exist
        given().when().get("/invoices?limit=abc").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("limit"));
        given().when().get("/invoices?dueFrom=2026-99-99").then().statusCode(400).body("errors.field", hasItem("dueFrom"));
        given().when().get("/invoices/not-a-uuid").then().statusCode(400).body("errors.field", hasItem("id"));
        given().when().get("/invoices?limit=0").then().statusCode(400).body("errors.field", hasItem("limit"));
    }

    private long events() {
        return pool.preparedQuery("SELECT count(*) FROM eventstore.events WHERE tenant_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(java.util.UUID.fromString(TENANT)))
                .await().atMost(Duration.ofSeconds(30)).iterator().next().getLong(0);
    }
}
