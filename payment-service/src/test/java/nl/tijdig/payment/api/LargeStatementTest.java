package nl.tijdig.payment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.kernel.Betalingskenmerk;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.payment.statement.LargeStatements;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

/**
 * A statement of {@code tijdig.large-statement.entries} entries (50,000 by default) imports whole in a
 * JVM whose heap is capped at 256 MB (this test runs in a Surefire execution of its own with
 * {@code -Xmx256m}): the file is streamed to disk, validated and read entry by entry, and stored in
 * batches. It prints how long the import took; docs/benchmarks.md records that figure (no timed
 * assertion here).
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "payment"))
class LargeStatementTest {

    static final String TENANT = "0193a6f2-0000-7000-8000-0000000000d1";
    static final int ENTRIES = Integer.getInteger("tijdig.large-statement.entries", 50_000);
    static final int INVOICES = 200;

    @TestHTTPResource("/bank-statements")
    URI statements;

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_statement_of_fifty_thousand_entries_imports_with_the_heap_capped() throws Exception {
        // given open invoices that some of the entries pay by betalingskenmerk
        TenantId tenant = TenantId.of(TENANT);
        InvoiceIssued last = null;
        for (int i = 0; i < INVOICES; i++) {
            last = InvoiceEvents.issued(tenant, new DebtorId(UUID.randomUUID()), "Debiteur " + i, null, "L-" + i,
                    900_000 + i, "10.00", LocalDate.of(2026, 10, 1));
            InvoiceEvents.publish(last);
        }
        PaymentApiTest.awaitOpen(last.invoiceId().value().toString(), "10.00");
        Path file = LargeStatements.camt053(ENTRIES, i -> new BigDecimal("10.00"),
                i -> i < INVOICES ? "Betaling " + Betalingskenmerk.of(900_000 + i) : "Bestelling " + i);
        long heap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        System.out.printf("[tijdig] large statement: %,d entries, %,d MB file, max heap %d MB%n", ENTRIES,
                Files.size(file) / (1024 * 1024), heap);

        // when it is uploaded (streamed from disk)
        long start = System.nanoTime();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(statements)
                .header("Content-Type", "application/xml").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = JsonPath.from(response.body()).getString("importId");

        // then every entry is imported: the paid invoices matched, the rest queued
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(2)).until(() -> !"IMPORTING".equals(
                io.restassured.RestAssured.given().get("/bank-statements/" + id).then().extract().path("status")));
        JsonPath status = io.restassured.RestAssured.given().get("/bank-statements/" + id).then().extract().jsonPath();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[tijdig] large statement: %s after %.1f s (%,.0f entries/s): %s%n", status.getString("status"),
                seconds, ENTRIES / seconds, status.getMap(""));
        assertThat(status.getString("status")).isEqualTo("DONE");
        assertThat(status.getLong("processed")).isEqualTo(ENTRIES);
        assertThat(status.getLong("matched")).isEqualTo(Math.min(INVOICES, ENTRIES));
        assertThat(status.getLong("unmatched")).isEqualTo(Math.max(0, ENTRIES - INVOICES));
        assertThat(heap).isLessThanOrEqualTo(256);
    }
}
