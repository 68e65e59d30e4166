package nl.tijdig.dunning.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.PrescriptionApproaching;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Segment;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

/** Legal stops: a debtor in insolvency is paused by staff; prescription is warned before it bites. */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "dunning"))
class LegalStopsTest extends ClockedTest {

    static final LocalDate ISSUED = LocalDate.of(2028, 1, 3);
    static final LocalDate DUE = LocalDate.of(2028, 1, 31);

    @Test
    @TestSecurity(user = "admin", roles = {"tenant-admin", "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000e4"))
    void a_debtor_in_insolvency_gets_no_letter_and_a_consumer_claim_is_warned_before_it_prescribes() {
        // given a consumer's overdue invoice, and a business declared bankrupt (faillissement)
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000e4");
        DebtorId consumer = world.debtor("T. Verjaard", Segment.B2C);
        DebtorId bankrupt = world.debtor("Failliet B.V.", Segment.B2B);
        InvoiceIssued old = world.invoice(consumer, "T. Verjaard", Segment.B2C, "OUD-1", "121.00", ISSUED, DUE);
        world.invoice(bankrupt, "Failliet B.V.", Segment.B2B, "FL-1", "121.00", ISSUED, DUE);
        given().contentType(ContentType.JSON).body("{\"paused\": true, \"reason\": \"FAILLISSEMENT\"}").when()
                .put("/debtors/" + bankrupt.value() + "/dunning-pause").then().statusCode(200);
        given().when().get("/debtors/" + bankrupt.value() + "/dunning-pause").then().body("reason", is("FAILLISSEMENT"));

        // when the scheduler runs on the reminder's day
        DunningWorld.runOn(DUE.plusDays(1));

        // then only the consumer is reminded
        assertThat(world.published(ReminderDue.class, 1)).singleElement()
                .satisfies(r -> assertThat(r.invoices().get(0).invoiceNumber()).isEqualTo("OUD-1"));

        // and the consumer's claim prescribes two years after its due date (the reminder was never confirmed sent)
        given().when().get("/cases/" + old.invoiceId().value()).then().body("prescribesOn", is("2030-02-01"));

        // when 60 days before that day come, staff are warned once
        DunningWorld.runOn(LocalDate.of(2029, 12, 1));
        world.published(PrescriptionApproaching.class, 0);
        DunningWorld.runOn(LocalDate.of(2029, 12, 3));
        DunningWorld.runOn(LocalDate.of(2029, 12, 4));
        PrescriptionApproaching warning = world.published(PrescriptionApproaching.class, 1).get(0);
        assertThat(warning.prescribesOn()).isEqualTo(LocalDate.of(2030, 2, 1));
        assertThat(warning.basis()).isEqualTo(PrescriptionApproaching.Basis.CONSUMER_TWO_YEARS);
        assertThat(warning.countedFrom()).isEqualTo(DUE.plusDays(1));
    }

    @Test
    @TestSecurity(user = "admin", roles = {"tenant-admin", "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000ea"))
    void vat_relief_a_year_after_the_due_date_across_a_leap_day_and_owed_again_on_a_later_payment() {
        // given an invoice of 1,210.00 (210.00 VAT) due on 29 February 2028, never paid
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000ea");
        DebtorId debtor = world.debtor("Schrikkel B.V.", Segment.B2B);
        InvoiceIssued invoice = world.invoice(debtor, "Schrikkel B.V.", Segment.B2B, "VAT-1", "1210.00",
                LocalDate.of(2028, 1, 30), LocalDate.of(2028, 2, 29));

        // when the scheduler runs the day before one year has passed, nothing; on 28 February 2029, eligible
        DunningWorld.runOn(LocalDate.of(2029, 2, 27));
        world.published(nl.tijdig.events.VatReliefEligible.class, 0);
        DunningWorld.runOn(LocalDate.of(2029, 2, 28));
        DunningWorld.runOn(LocalDate.of(2029, 3, 1));
        var eligible = world.published(nl.tijdig.events.VatReliefEligible.class, 1).get(0);
        assertThat(eligible.eligibleOn()).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(eligible.vat()).isEqualTo(nl.tijdig.kernel.Money.eur("210.00"));

        // when half is paid later, the VAT on it is owed again
        world.paid(invoice.invoiceId(), "605.00", "605.00", LocalDate.of(2029, 4, 2));
        var reversed = world.published(nl.tijdig.events.VatReliefReversed.class, 1).get(0);
        assertThat(reversed.vat()).isEqualTo(nl.tijdig.kernel.Money.eur("105.00"));
        assertThat(reversed.paidOn()).isEqualTo(LocalDate.of(2029, 4, 2));
    }

    @Test
    @TestSecurity(user = "admin", roles = {"tenant-admin", "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000c9"))
    void an_invoice_sold_to_a_factor_is_no_longer_dunned_nor_given_vat_relief() throws Exception {
        // given two overdue invoices of a business
        DunningWorld world = new DunningWorld("0193a6f2-0000-7000-8000-0000000000c9");
        DebtorId debtor = world.debtor("Verkocht B.V.", Segment.B2B);
        InvoiceIssued sold = world.invoice(debtor, "Verkocht B.V.", Segment.B2B, "FAC-1", "2420.00", ISSUED, DUE);
        world.invoice(debtor, "Verkocht B.V.", Segment.B2B, "FAC-2", "121.00", ISSUED, DUE);
        // when the collection-gateway reports the first assigned to a factor (its contract example, for this invoice)
        com.fasterxml.jackson.databind.node.ObjectNode assigned = (com.fasterxml.jackson.databind.node.ObjectNode)
                nl.tijdig.events.EventExamples.tree(nl.tijdig.events.EventCatalogue.standard().of(nl.tijdig.events.InvoiceAssigned.class));
        assigned.put("tenantId", world.tenant.toString()).put("invoiceId", sold.invoiceId().toString()).put("debtorId", debtor.toString());
        CaseApiTest.publish(nl.tijdig.events.EventJson.mapper().treeToValue(assigned, nl.tijdig.events.InvoiceAssigned.class));
        // then its case closes, ASSIGNED, once
        org.awaitility.Awaitility.await().atMost(DunningWorld.WAIT).until(() -> "CLOSED".equals(world.caseOf(sold.invoiceId())
                .getString("state.status")));
        assertThat(world.caseOf(sold.invoiceId()).getString("state.closedReason")).isEqualTo("ASSIGNED");
        assertThat(world.published(nl.tijdig.events.DunningCaseClosed.class, 1)).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo(nl.tijdig.events.DunningCaseClosed.Reason.ASSIGNED));
        // and only the other invoice is reminded, and only it gets VAT relief a year after its due date
        DunningWorld.runOn(DUE.plusDays(1));
        assertThat(world.published(ReminderDue.class, 1)).singleElement()
                .satisfies(r -> assertThat(r.invoices().get(0).invoiceNumber()).isEqualTo("FAC-2"));
        DunningWorld.runOn(DUE.plusYears(1).plusDays(1));
        assertThat(world.published(nl.tijdig.events.VatReliefEligible.class, 1)).singleElement()
                .satisfies(v -> assertThat(v.vat()).isEqualTo(nl.tijdig.kernel.Money.eur("21.00")));
    }
}
