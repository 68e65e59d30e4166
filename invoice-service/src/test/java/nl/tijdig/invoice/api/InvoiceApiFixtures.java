package nl.tijdig.invoice.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

/** Set-up through the API, for tests of other packages (run as the test's tenant). */
public final class InvoiceApiFixtures {

    private InvoiceApiFixtures() {
    }

    /** Sets up the creditor profile and a debtor, issues the standard invoice (1,097.14), returns its id. */
    public static String issueInvoice() {
        given().contentType(ContentType.JSON).body(CreditorProfileApiTest.PROFILE).when().put("/creditor-profile")
                .then().statusCode(200);
        String debtor = DebtorApiTest.register(DebtorApiTest.BAKERY);
        return given().contentType(ContentType.JSON).body(InvoiceApiTest.invoice(debtor)).when().post("/invoices")
                .then().statusCode(201).extract().path("invoiceId");
    }
}
