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
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.WeeklyOverviewCompiled;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

/** The weekly overview: on demand, and published once a week on the tenant's day. */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "dunning"))
class WeeklyOverviewApiTest extends ClockedTest {

    static final String TENANT = "0193a6f2-0000-7000-8000-0000000000a7";
    static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);
    static final LocalDate WEDNESDAY = MONDAY.plusDays(2);

    @Test
    @TestSecurity(user = "admin", roles = {"tenant-admin", "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void the_overview_comes_once_on_the_tenants_day_with_aging_payments_and_the_oldest_overdue_claims() {
        // given a tenant whose overview day is Wednesday, and three invoices of one debtor: one 31 days overdue on
        // that Wednesday, one 5 days overdue and paid in part on Monday, one not yet due
        DunningWorld world = new DunningWorld(TENANT);
        given().contentType(ContentType.JSON).body("{\"writeOffApprovalAbove\": 500, \"weeklyOverviewDay\": \"WEDNESDAY\"}")
                .when().put("/dunning-settings").then().statusCode(200).body("weeklyOverviewDay", is("WEDNESDAY"));
        DebtorId debtor = world.debtor("Overzicht B.V.", Segment.B2B);
        InvoiceIssued oldest = world.invoice(debtor, "Overzicht B.V.", Segment.B2B, "WO-1", "1210.00",
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31));
        InvoiceIssued recent = world.invoice(debtor, "Overzicht B.V.", Segment.B2B, "WO-2", "605.00",
                LocalDate.of(2027, 1, 27), LocalDate.of(2027, 2, 26));
        world.invoice(debtor, "Overzicht B.V.", Segment.B2B, "WO-3", "121.00", LocalDate.of(2027, 2, 18), LocalDate.of(2027, 3, 20));
        world.paid(recent.invoiceId(), "105.00", "500.00", MONDAY);
        org.awaitility.Awaitility.await().atMost(DunningWorld.WAIT)
                .until(() -> world.caseOf(recent.invoiceId()).getString("state.open.amount").equals("500.00"));

        // when the scheduler runs on Monday, no overview for this tenant
        DunningWorld.runOn(MONDAY);
        world.published(WeeklyOverviewCompiled.class, 0);

        // when it runs on Wednesday (twice) and Thursday: one overview
        DunningWorld.runOn(WEDNESDAY);
        DunningWorld.run();
        DunningWorld.runOn(WEDNESDAY.plusDays(1));
        WeeklyOverviewCompiled overview = world.published(WeeklyOverviewCompiled.class, 1).get(0);

        // then its figures are those of Wednesday
        assertThat(overview.week()).isEqualTo("2027-W09");
        assertThat(overview.on()).isEqualTo(WEDNESDAY);
        assertThat(overview.openTotal()).isEqualTo(Money.eur("1831.00"));
        assertThat(overview.overdueTotal()).isEqualTo(Money.eur("1710.00"));
        assertThat(overview.overdueCount()).isEqualTo(2);
        assertThat(overview.aging()).extracting(b -> b.amount().amount().toPlainString())
                .containsExactly("121.00", "500.00", "1210.00", "0.00", "0.00");
        assertThat(overview.paidInWeek()).isEqualTo(Money.eur("105.00"));
        assertThat(overview.newlyOverdue()).isEqualTo(1);
        assertThat(overview.dsoDays()).isEqualByComparingTo(new BigDecimal("85.1")); // 1,831 / 1,936 × 90
        assertThat(overview.oldestOverdue()).extracting(WeeklyOverviewCompiled.OverdueClaim::invoiceNumber)
                .containsExactly("WO-1", "WO-2");
        assertThat(overview.oldestOverdue().get(0).caseId().value()).isEqualTo(oldest.invoiceId().value());
        assertThat(overview.oldestOverdue().get(0).debtorName()).isEqualTo("Overzicht B.V.");
        assertThat(overview.oldestOverdue().get(0).daysOverdue()).isEqualTo(31);

        // and the operator sees the runs that dunned someone, newest first, finished, with their figures
        // (newest by the service clock, which other tests moved about: all of them)
        JsonPath runs = given().when().get("/admin/dunning-runs?limit=200").then().statusCode(200).extract().jsonPath();
        assertThat(runs.getList("day", String.class)).contains(MONDAY.toString());
        assertThat(runs.getList("finishedAt")).doesNotContainNull();
        assertThat(runs.getList("debtors", Integer.class)).allSatisfy(n -> assertThat(n).isPositive());
        given().when().get("/admin/dunning-runs?limit=0").then().statusCode(422).body("errors[0].field", is("limit"));

        // and the same figures are there on demand (on Thursday now: one day older)
        JsonPath now = given().when().get("/reports/weekly-overview").then().statusCode(200).extract().jsonPath();
        assertThat(now.getString("on")).isEqualTo(WEDNESDAY.plusDays(1).toString());
        assertThat(now.getString("openTotal.amount")).isEqualTo("1831.00");
        assertThat(now.getList("oldestOverdue.daysOverdue", Integer.class)).containsExactly(32, 6);
    }

    @Test
    @TestSecurity(user = "admin", roles = {"tenant-admin", "operator"}, attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_day_that_is_no_day_is_refused_and_changes_nothing() {
        given().contentType(ContentType.JSON).body("{\"writeOffApprovalAbove\": 750, \"weeklyOverviewDay\": \"WEDNESDAY\"}")
                .when().put("/dunning-settings").then().statusCode(200);

        given().contentType(ContentType.JSON).body("{\"writeOffApprovalAbove\": 100, \"weeklyOverviewDay\": \"SOMEDAY\"}")
                .when().put("/dunning-settings").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", is("weeklyOverviewDay"));

        JsonPath settings = given().when().get("/dunning-settings").then().statusCode(200).extract().jsonPath();
        assertThat(settings.getString("weeklyOverviewDay")).isEqualTo("WEDNESDAY");
        assertThat(new BigDecimal(settings.getString("writeOffApprovalAbove"))).isEqualByComparingTo("750");
    }
}
