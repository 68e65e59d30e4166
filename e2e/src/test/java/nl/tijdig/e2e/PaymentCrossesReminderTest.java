package nl.tijdig.e2e;

import nl.tijdig.launcher.demo.Tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A payment that crosses a reminder: once the platform knows an invoice is paid, its debtor gets no reminder, while
 * the debtor who did not pay gets one in the mailbox.
 */
class PaymentCrossesReminderTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void the_debtor_who_paid_before_the_reminder_day_gets_no_reminder_and_the_other_does() {
        // given two debtors with an invoice each, due on the same day
        Tenant creditor = Tenant.create(Stack.target(), "crossing");
        String paidBy = "betaald-" + creditor.tenantId.toString().substring(0, 8) + "@goudenkorst.nl";
        String unpaidBy = "open-" + creditor.tenantId.toString().substring(0, 8) + "@drukkerijvandam.nl";
        JsonPath paid = creditor.invoice(creditor.businessDebtor("Bakkerij De Gouden Korst B.V.", paidBy), 10);
        JsonPath unpaid = creditor.invoice(creditor.businessDebtor("Drukkerij Van Dam", unpaidBy), 10);
        LocalDate due = LocalDate.parse(paid.getString("dueDate"));
        assertThat(unpaid.getString("dueDate")).isEqualTo(due.toString());

        // when the first debtor pays on the due date, and the dunning-service has heard of it
        Stack.moveTo(due);
        creditor.pay(paid.getString("totalInclVat.amount"), paid.getString("paymentReference"), due);
        await().atMost(WAIT).until(() -> {
            JsonPath known = creditor.dunningCase(paid.getString("invoiceId"));
            return known != null && "CLOSED".equals(known.getString("state.status"));
        });

        // and the reminder day comes, with the scheduler running
        Stack.moveTo(due.plusDays(2));
        await().atMost(WAIT).untilAsserted(() -> {
            Stack.runDunning();
            assertThat(Mail.to(unpaidBy)).as("the reminder to the debtor who did not pay").isNotEmpty();
        });

        // then the debtor who did not pay has a reminder naming the invoice, and the one who paid has none
        assertThat(Mail.to(unpaidBy)).hasSize(1);
        assertThat(Mail.to(unpaidBy).get(0).subject()).contains(unpaid.getString("invoiceNumber"));
        assertThat(creditor.dunningCase(unpaid.getString("invoiceId")).getList("state.taken")).isNotEmpty();
        Stack.runDunning();
        Stack.sleep(Duration.ofSeconds(2));
        assertThat(Mail.to(paidBy)).as("no reminder to the debtor who paid").isEmpty();
        JsonPath closed = creditor.dunningCase(paid.getString("invoiceId"));
        assertThat(closed.getString("state.closedReason")).isEqualTo("PAID");
        assertThat(closed.getList("state.taken")).isEmpty();
    }
}
