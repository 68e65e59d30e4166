package nl.tijdig.collection.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.tijdig.collection.domain.CaseFile;
import nl.tijdig.collection.domain.Csv;
import nl.tijdig.collection.store.Intake;
import nl.tijdig.events.CollectionCaseUpdated;
import nl.tijdig.events.CollectionPaymentReported;
import nl.tijdig.events.EscalatedToCollection;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "collection"))
class FileAgencyTest {

    static final String FILES = "0193a6f2-0000-7000-8000-0000000000f1";
    static final String UPLOAD = "0193a6f2-0000-7000-8000-0000000000f2";

    static Path folder(String partnerId) {
        return Path.of(ConfigProvider.getConfig().getValue("tijdig.collection.files.root", String.class)).resolve(partnerId);
    }

    static String fileAgency() {
        return given().contentType(ContentType.JSON).body(Map.of("name", "Incassobureau Zuid B.V.", "kind", "CSV_AGENCY", "priority", 1))
                .when().post("/partners").then().statusCode(201).extract().path("partner.partnerId");
    }

    static String status(String collectionCase) {
        return given().when().get("/collection-cases/" + collectionCase).then().extract().path("collectionCase.status");
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = FILES))
    void the_days_new_cases_go_out_in_a_case_file_and_the_agencys_status_file_comes_back_in() throws Exception {
        TenantId tenant = new TenantId(UUID.fromString(FILES));
        // given the tenant's batch-file agency
        String partnerId = fileAgency();
        // when dunning escalates a claim (the contract example, two invoices)
        EscalatedToCollection escalation = AgencyConnectorTest.escalate(FILES);
        String id = Intake.collectionCaseId(escalation).toString();
        // then the day's case file holds it, one record per invoice, every field from the dossier
        await().atMost(Events.WAIT).until(() -> "SUBMITTED".equals(status(id)));
        Path file = folder(partnerId).resolve("out").resolve("cases-" + LocalDate.now(ZoneId.of("Europe/Amsterdam")) + ".csv");
        List<Csv.Row> rows = Csv.read(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).fields()).isEqualTo(CaseFile.COLUMNS);
        Map<String, String> first = record(rows.get(0), rows.get(1));
        Map<String, String> second = record(rows.get(0), rows.get(2));
        assertThat(first).containsEntry("case_reference", id).containsEntry("dunning_case_id", escalation.caseId().toString())
                .containsEntry("escalation_date", "2026-12-01").containsEntry("creditor_name", "Schoonmaakbedrijf Helder B.V.")
                .containsEntry("creditor_kvk", "87654321").containsEntry("creditor_vat_id", "NL001234567B01")
                .containsEntry("creditor_iban", "NL91ABNA0417164300").containsEntry("debtor_id", "0193a6f2-2222-7222-8222-000000000001")
                .containsEntry("debtor_name", "Bakkerij De Gouden Korst B.V.").containsEntry("debtor_segment", "B2B")
                .containsEntry("debtor_kvk", "12345678").containsEntry("debtor_street", "Keizersgracht 123")
                .containsEntry("debtor_postal_code", "1015 CJ").containsEntry("debtor_city", "Amsterdam").containsEntry("debtor_country", "NL")
                .containsEntry("debtor_email", "administratie@goudenkorst.nl").containsEntry("debtor_phone", "+31201234567")
                .containsEntry("debtor_language", "nl").containsEntry("invoice_id", "0193a6f2-1111-7111-8111-000000000001")
                .containsEntry("invoice_number", "2026-00042").containsEntry("invoice_date", "2026-09-01")
                .containsEntry("invoice_due_date", "2026-10-01").containsEntry("invoice_principal", "1210.00")
                .containsEntry("invoice_open", "589.00").containsEntry("case_principal", "952.00")
                .containsEntry("case_collection_costs", "142.80").containsEntry("case_interest", "18.27")
                .containsEntry("case_total_claim", "1113.07").containsEntry("currency", "EUR")
                .containsEntry("history", "2026-10-22 Eerste herinnering per e-mail verstuurd | 2026-11-02 Telefonisch contact: "
                        + "betaling toegezegd voor 2026-11-09, niet nagekomen | 2026-11-12 Aanmaning per e-mail en aangetekende brief verstuurd");
        assertThat(second).containsEntry("case_reference", id).containsEntry("invoice_number", "2026-00057")
                .containsEntry("invoice_open", "363.00").containsEntry("case_total_claim", "1113.07");
        CollectionCaseUpdated submitted = Events.published(tenant, CollectionCaseUpdated.class, 1).get(0);
        assertThat(submitted.status()).isEqualTo(CollectionCaseUpdated.Status.SUBMITTED);
        assertThat(submitted.note()).isEqualTo("in case file " + file.getFileName());
        // and a case escalated later the same day waits for tomorrow's file
        String later = Intake.collectionCaseId(AgencyConnectorTest.escalate(FILES)).toString();
        await().atMost(Events.WAIT).until(() -> "OPENED".equals(status(later)));
        Thread.sleep(1500);
        assertThat(status(later)).isEqualTo("OPENED");
        assertThat(Csv.read(Files.readString(file, StandardCharsets.UTF_8))).hasSize(3);

        // when the agency puts its status file in its folder: accepted, money collected, a bad amount, an unknown case
        String statuses = """
                case_reference;status;partner_reference;report_id;amount;agency_costs;currency;value_date;invoice_id;reason\r
                %1$s;ACCEPTED;ZUID-77;;;;;;;Dossier compleet\r
                %1$s;PAYMENT_COLLECTED;;AG-2026-001;300.00;75.00;EUR;2026-12-14;;\r
                %1$s;PAYMENT_COLLECTED;;AG-2026-002;"1.234,50";;EUR;2026-12-15;;\r
                %2$s;IN_PROGRESS;;;;;;;;\r
                """.formatted(id, UUID.randomUUID());
        Path in = Files.createDirectories(folder(partnerId).resolve("in"));
        Files.writeString(in.resolve("status-20261215.csv"), statuses, StandardCharsets.UTF_8);
        // then it is imported and moved, with each line's outcome beside it
        Path result = in.resolve("processed").resolve("status-20261215.csv.result.csv");
        await().atMost(Events.WAIT).until(() -> Files.exists(result));
        assertThat(in.resolve("processed").resolve("status-20261215.csv")).exists();
        assertThat(in.resolve("status-20261215.csv")).doesNotExist();
        List<Csv.Row> outcome = Csv.read(Files.readString(result, StandardCharsets.UTF_8));
        assertThat(outcome.subList(1, outcome.size())).extracting(r -> r.fields().get(3))
                .containsExactly("APPLIED", "APPLIED", "REFUSED", "UNKNOWN_CASE");
        assertThat(outcome.get(3).fields().get(4)).isEqualTo("amount");
        assertThat(outcome.get(3).fields().get(0)).isEqualTo("4");
        // and the money collected is published once, placed oldest invoice first
        CollectionPaymentReported reported = Events.published(tenant, CollectionPaymentReported.class, 1).get(0);
        assertThat(reported.amount()).isEqualTo(Money.of("300.00", "EUR"));
        assertThat(reported.agencyCosts()).isEqualTo(Money.of("75.00", "EUR"));
        assertThat(reported.invoices()).containsExactly(new CollectionPaymentReported.Part(
                new InvoiceId(UUID.fromString("0193a6f2-1111-7111-8111-000000000001")), Money.of("300.00", "EUR")));
        assertThat(reported.partner()).isEqualTo("Incassobureau Zuid B.V.");
        given().when().get("/collection-cases/" + id).then().body("collectionCase.status", is("ACCEPTED"))
                .body("collectionCase.partnerReference", is("ZUID-77")).body("collectionCase.collected.amount", is("300.00"));

        // when the same file is uploaded again, with the bad amount corrected
        String again = statuses.replace("\"1.234,50\"", "1234.50");
        given().contentType("text/csv").body(again).when().post("/partners/" + partnerId + "/status-files").then().statusCode(200)
                .body("applied", is(1)).body("duplicates", is(2)).body("refused", is(1))
                .body("lines.result", org.hamcrest.Matchers.contains("DUPLICATE", "DUPLICATE", "APPLIED", "UNKNOWN_CASE"));
        // then only the corrected line counted
        Events.published(tenant, CollectionPaymentReported.class, 2);
        given().when().get("/collection-cases/" + id).then().body("collectionCase.collected.amount", is("1534.50"));

        // when the creditor recalls both cases: the one the agency has, and the one waiting for tomorrow's file
        given().contentType(ContentType.JSON).body(Map.of("reason", "Debiteur betaalt rechtstreeks")).when()
                .post("/collection-cases/" + id + "/recall").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("reason", "Toch niet")).when()
                .post("/collection-cases/" + later + "/recall").then().statusCode(200);
        // then a recall file tells the agency of the first at once; the second it never gets
        Path out = folder(partnerId).resolve("out");
        await().atMost(Events.WAIT).until(() -> recallFiles(out).size() == 1);
        List<Csv.Row> recalled = Csv.read(Files.readString(recallFiles(out).get(0), StandardCharsets.UTF_8));
        assertThat(recalled).extracting(Csv.Row::fields).containsExactly(CaseFile.RECALL_COLUMNS,
                List.of(id, LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString(), "Debiteur betaalt rechtstreeks"));
        Thread.sleep(1000);
        assertThat(recallFiles(out)).hasSize(1);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("cases-"))).containsExactly(file.getFileName().toString());
        }
        assertThat(Csv.read(Files.readString(file, StandardCharsets.UTF_8))).hasSize(3);
    }

    private static List<Path> recallFiles(Path out) throws java.io.IOException {
        try (var files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().startsWith("recalls-")).toList();
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = UPLOAD))
    void a_status_file_that_does_not_read_or_goes_to_the_wrong_partner_changes_nothing() {
        String partnerId = fileAgency();
        // a file without the required columns
        given().contentType("text/csv").body("reference;state\r\nx;ACCEPTED\r\n").when().post("/partners/" + partnerId + "/status-files")
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("header"));
        // an unclosed quote
        given().contentType("text/csv").body("case_reference;status\r\n\"x;ACCEPTED\r\n").when()
                .post("/partners/" + partnerId + "/status-files").then().statusCode(422).body("errors.field", hasItem("file"));
        // records that do not read, each refused with its line and column
        given().contentType("text/csv").body("""
                        case_reference;status;reason\r
                        not-a-uuid;ACCEPTED;\r
                        %1$s;LOST;\r
                        %1$s;REJECTED;\r
                        """.formatted(UUID.randomUUID())).when().post("/partners/" + partnerId + "/status-files").then().statusCode(200)
                .body("refused", is(3)).body("lines.field", org.hamcrest.Matchers.contains("case_reference", "status", "reason"))
                .body("lines.line", org.hamcrest.Matchers.contains(2, 3, 4));
        // a partner of another kind, another tenant's or none
        String rest = given().contentType(ContentType.JSON).body(Map.of("name", "Noord API", "kind", "REST_AGENCY",
                "baseUrl", "http://127.0.0.1:9/api")).when().post("/partners").then().statusCode(201).extract().path("partner.partnerId");
        given().contentType("text/csv").body("case_reference;status\r\n").when().post("/partners/" + rest + "/status-files").then()
                .statusCode(409).body("errors.field", hasItem("kind"));
        given().contentType("text/csv").body("case_reference;status\r\n").when().post("/partners/" + UUID.randomUUID() + "/status-files")
                .then().statusCode(404);
        given().when().get("/collection-cases").then().body("size()", is(0));
    }

    private static Map<String, String> record(Csv.Row header, Csv.Row row) {
        Map<String, String> record = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            record.put(header.fields().get(i), row.fields().get(i));
        }
        return record;
    }

}
