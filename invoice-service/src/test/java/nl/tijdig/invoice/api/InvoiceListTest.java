package nl.tijdig.invoice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "invoice"))
class InvoiceListTest {

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000f1"))
    void invoices_list_newest_first_with_filters_and_a_cursor() {
        // given five invoices: three to the bakery (one cancelled, one due later), two to a consumer
        given().contentType(ContentType.JSON).body(CreditorProfileApiTest.PROFILE).when().put("/creditor-profile")
                .then().statusCode(200);
        String bakery = DebtorApiTest.register(DebtorApiTest.BAKERY);
        String consumer = DebtorApiTest.register("""
                {"kind": "CONSUMER", "name": "J. de Vries",
                 "address": {"street": "Dorpsstraat 4", "postalCode": "1234 AB", "city": "Ons Dorp", "countryCode": "NL"}}""");
        List<String> ids = new ArrayList<>();
        for (String debtor : List.of(bakery, consumer, bakery, consumer, bakery)) {
            String body = InvoiceApiTest.invoice(debtor);
            if (ids.size() == 4) {
                body = body.replace("\"issueDate\": \"2026-11-23\",", "\"issueDate\": \"2026-12-10\",");
            }
            ids.add(given().contentType(ContentType.JSON).body(body).when().post("/invoices")
                    .then().statusCode(201).extract().path("invoiceId"));
        }
        given().contentType(ContentType.JSON).body("{}").when().post("/invoices/" + ids.get(2) + "/cancellation")
                .then().statusCode(200);

        // when the list is read two at a time, then it comes newest first over three pages
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            var page = given().when().get(next == null ? "/invoices?limit=2" : "/invoices?limit=2&after=" + next)
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("invoices.invoiceId"));
            next = page.getString("next");
            pages++;
        } while (next != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(ids.reversed());

        // and the filters narrow it
        given().when().get("/invoices?debtorId=" + bakery).then().body("invoices", hasSize(3));
        given().when().get("/invoices?status=CANCELLED").then().body("invoices", hasSize(1))
                .body("invoices[0].invoiceId", is(ids.get(2))).body("invoices[0].openPrincipal.amount", is("0.00"));
        given().when().get("/invoices?status=ISSUED").then().body("invoices", hasSize(4))
                .body("invoices[0].openPrincipal.amount", is("1097.14"));
        given().when().get("/invoices?dueFrom=2027-01-01").then().body("invoices", hasSize(1))
                .body("invoices[0].invoiceId", is(ids.get(4))).body("next", nullValue());
    }

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000f2"))
    void bad_list_parameters_are_named_and_another_tenant_sees_nothing() {
        given().when().get("/invoices").then().statusCode(200).body("invoices", hasSize(0));
        given().when().get("/invoices?limit=0").then().statusCode(400).body("errors.field", hasItem("limit"));
        given().when().get("/invoices?limit=201").then().statusCode(400).body("errors.field", hasItem("limit"));
        given().when().get("/invoices?status=LATE").then().statusCode(422).body("errors[0].field", is("status"));
        given().when().get("/invoices?dueFrom=2026-12-01&dueTo=2026-11-01").then().statusCode(422)
                .body("errors[0].field", is("dueTo"));
    }
}
