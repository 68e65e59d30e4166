package nl.tijdig.e2e;

import nl.tijdig.launcher.demo.Tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.tijdig.testing.service.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * The dunning-service is killed (SIGKILL) twice: while 1,000 invoices arrive, and while its scheduler sends their
 * reminders. After each restart every case is there once and in the right state, and no debtor gets a reminder twice.
 */
class DunningCrashTest {

    private static final int DEBTORS = 100;
    private static final int INVOICES_PER_DEBTOR = 10;
    private static final Duration WAIT = Duration.ofMinutes(3);

    @Test
    void a_dunning_service_killed_during_a_burst_of_1000_invoices_loses_nothing_and_sends_no_reminder_twice() throws Exception {
        Tenant creditor = Tenant.create(Stack.target(), "crash");
        String tag = creditor.tenantId.toString().substring(0, 8);
        List<String> emails = new ArrayList<>();
        List<String> debtors = new ArrayList<>();
        for (int d = 0; d < DEBTORS; d++) {
            emails.add("burst-" + tag + "-" + d + "@example.nl");
            debtors.add(creditor.businessDebtor("Klant " + d + " B.V.", emails.get(d)));
        }
        ServiceProcess dunning = Stack.platform().service("dunning-service");
        try {
            // given 1,000 invoices issued four at a time, when the dunning-service is killed halfway and started again
            List<JsonPath> invoices = new ArrayList<>();
            LocalDate delivered = Stack.today();
            ExecutorService issuers = Executors.newFixedThreadPool(4);
            try {
                List<Future<JsonPath>> issued = new ArrayList<>();
                for (int i = 0; i < DEBTORS * INVOICES_PER_DEBTOR; i++) {
                    String debtor = debtors.get(i % DEBTORS);
                    issued.add(issuers.submit(() -> creditor.invoice(debtor, 1, delivered)));
                }
                for (int i = 0; i < issued.size(); i++) {
                    invoices.add(issued.get(i).get());
                    if (i == issued.size() / 2) {
                        dunning.kill();
                        System.out.println("dunning-service killed after " + (i + 1) + " invoices were issued");
                    }
                }
            } finally {
                issuers.shutdown();
            }
            dunning.start();

            // then every invoice has its one case, open
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> creditor.dunningCases(null).size() == invoices.size());
            assertThat(creditor.dunningCases("OPEN")).hasSize(invoices.size());

            // when the reminder day comes and the dunning-service is killed while it sends the reminders
            LocalDate due = invoices.stream().map(i -> LocalDate.parse(i.getString("dueDate"))).max(LocalDate::compareTo).orElseThrow();
            Stack.moveTo(due.plusDays(2).isAfter(Stack.today()) ? due.plusDays(2) : Stack.today());
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
                try {
                    Stack.runDunning();
                } catch (Exception | AssertionError e) {
                    // the service died under the request (RestAssured rethrows the IOException as it is): expected
                }
            });
            // (one small request a poll: the tenant's request rate is limited)
            await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                    .until(() -> run.isDone() || creditor.hasDunningCases("AWAITING_DELIVERY"));
            int sentBefore = sentTo(emails);
            int awaitingDelivery = creditor.dunningCases("AWAITING_DELIVERY").size();
            boolean finished = run.isDone();
            dunning.kill();
            System.out.println("dunning-service killed during the reminder run: cases awaiting delivery " + awaitingDelivery
                    + ", reminders in the mailbox " + sentBefore + ", run answered before the kill: " + finished);
            run.join();
            dunning.start();

            // and the scheduler runs again (and again) after the restart
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                Stack.runDunning();
                assertThat(sentTo(emails)).isEqualTo(DEBTORS);
                assertThat(creditor.dunningCases("OPEN")).hasSize(invoices.size());
            });

            // then each debtor got exactly one reminder, and every case took the friendly reminder once and nothing else
            Stack.runDunning();
            Stack.sleep(Duration.ofSeconds(3));
            for (String email : emails) {
                assertThat(Mail.to(email)).as("reminders to " + email).hasSize(1);
            }
            for (int i = 0; i < invoices.size(); i += 97) {
                JsonPath dunningCase = creditor.dunningCase(invoices.get(i).getString("invoiceId"));
                assertThat(dunningCase.getList("state.taken.key").stream().filter("friendly"::equals)).hasSize(1);
                assertThat(dunningCase.getList("state.taken.key")).doesNotContain("phone", "final");
            }
        } finally {
            dunning.start(); // no-op when it runs; the next tests need it whatever happened here
        }
    }

    private static int sentTo(List<String> emails) {
        return (int) Mail.all().stream().filter(m -> m.to().stream().anyMatch(emails::contains)).count();
    }
}
