package nl.tijdig.e2e;

import nl.tijdig.launcher.demo.Camt053;
import nl.tijdig.launcher.demo.Tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A camt.053 day statement pays three invoices: the payment-, invoice- and dunning-service all come to know it. */
class BankStatementTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void a_camt053_statement_pays_three_invoices_and_every_service_sees_them_paid() {
        // given a creditor with three debtors and an open invoice each
        Tenant creditor = Tenant.create(Stack.target(), "camt");
        JsonPath bakery = creditor.invoice(creditor.businessDebtor("Bakkerij De Gouden Korst B.V.", "administratie@goudenkorst.nl"), 20);
        JsonPath printer = creditor.invoice(creditor.businessDebtor("Drukkerij Van Dam", "boekhouding@drukkerijvandam.nl"), 4);
        JsonPath salon = creditor.invoice(creditor.businessDebtor("Kapsalon Knip", "info@kapsalonknip.nl"), 2);
        List<String> invoices = List.of(bakery.getString("invoiceId"), printer.getString("invoiceId"), salon.getString("invoiceId"));
        await().atMost(WAIT).until(() -> invoices.stream().allMatch(id -> creditor.dunningCase(id) != null));

        // when the bank's statement of the next day comes in: two by betalingskenmerk, one naming the invoice number
        LocalDate day = Stack.today();
        String statement = new Camt053(Tenant.IBAN, day)
                .creditWithReference(bakery.getString("totalInclVat.amount"), "BAKKERIJ DE GOUDEN KORST BV",
                        "NL93RABO0123456780", bakery.getString("paymentReference"))
                .creditWithReference(printer.getString("totalInclVat.amount"), "DRUKKERIJ VAN DAM", "NL20INGB0001234567",
                        printer.getString("paymentReference"))
                .creditWithText(salon.getString("totalInclVat.amount"), "KAPSALON KNIP", "NL39RABO0300065264",
                        "Factuur " + salon.getString("invoiceNumber") + " bedankt")
                .xml();
        String location = creditor.call("payment-service").contentType("application/xml").body(statement)
                .post("/bank-statements").then().statusCode(202).extract().header("Location");

        // then the import is done with three matched payments
        await().atMost(WAIT).until(() -> !"IMPORTING".equals(creditor.call("payment-service").get(location).then()
                .statusCode(200).extract().path("status")));
        JsonPath done = creditor.call("payment-service").get(location).then().extract().jsonPath();
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getLong("payments")).isEqualTo(3);
        assertThat(done.getLong("matched")).isEqualTo(3);
        assertThat(done.getLong("unmatched")).isZero();

        // and the invoice-service shows each invoice paid, the dunning-service each case closed as paid
        await().atMost(WAIT).untilAsserted(() -> {
            for (String invoice : invoices) {
                JsonPath view = creditor.invoiceView(invoice);
                assertThat(view.getString("status")).as("invoice " + invoice).isEqualTo("PAID");
                assertThat(view.getString("openPrincipal.amount")).isEqualTo("0.00");
                JsonPath dunning = creditor.dunningCase(invoice);
                assertThat(dunning.getString("state.status")).as("case " + invoice).isEqualTo("CLOSED");
                assertThat(dunning.getString("state.closedReason")).isEqualTo("PAID");
            }
        });
        assertThat(creditor.call("payment-service").get("/open-items").then().statusCode(200).extract()
                .jsonPath().getList("openItems")).isEmpty();
    }
}
