package nl.tijdig.dunning.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import nl.tijdig.events.DunningCaseClosed;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Segment;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A write-off above the tenant's threshold needs a second user (four eyes): one user asks, another decides. */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "dunning"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WriteOffTest {

    static final String TENANT = "0193a6f2-0000-7000-8000-0000000000e9";
    static DunningWorld world;
    static InvoiceIssued large;

    @Test
    @Order(1)
    @TestSecurity(user = "marieke", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void one_user_asks_to_write_off_and_may_not_approve_it_herself() {
        // given a threshold of 1,000 and two invoices, one under it and one above
        world = new DunningWorld(TENANT);
        DebtorId debtor = world.debtor("Oninbaar B.V.", Segment.B2B);
        given().contentType(ContentType.JSON).body("{\"writeOffApprovalAbove\": \"1000.00\"}").when()
                .put("/dunning-settings").then().statusCode(200);
        InvoiceIssued small = world.invoice(debtor, "Oninbaar B.V.", Segment.B2B, "W-1", "500.00",
                LocalDate.of(2026, 1, 2), LocalDate.of(2026, 2, 1));
        large = world.invoice(debtor, "Oninbaar B.V.", Segment.B2B, "W-2", "5000.00", LocalDate.of(2026, 1, 2),
                LocalDate.of(2026, 2, 1));

        // when she writes both off
        given().contentType(ContentType.JSON).body("{\"reason\": \"failliet, geen boedel\"}").when()
                .post("/cases/" + small.invoiceId().value() + "/write-off").then().statusCode(200)
                .body("state.status", is("CLOSED")).body("state.closedReason", is("WRITTEN_OFF"));
        given().contentType(ContentType.JSON).body("{\"reason\": \"failliet, geen boedel\"}").when()
                .post("/cases/" + large.invoiceId().value() + "/write-off").then().statusCode(200)
                .body("state.status", is("WRITE_OFF_PENDING")).body("state.hold.by", is("marieke"));

        // then the large one waits for someone else: she cannot decide it
        given().contentType(ContentType.JSON).body("{\"approve\": true}").when()
                .post("/cases/" + large.invoiceId().value() + "/write-off/decision").then().statusCode(409)
                .body("errors[0].field", is("approve"));
        given().contentType(ContentType.JSON).body("{}").when().post("/cases/" + large.invoiceId().value() + "/write-off")
                .then().statusCode(422).body("errors[0].field", is("reason"));
        given().contentType(ContentType.JSON).body("{\"writeOffApprovalAbove\": \"-1\"}").when().put("/dunning-settings")
                .then().statusCode(422).body("errors[0].field", is("writeOffApprovalAbove"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "joost", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_second_user_approves_and_the_case_closes_as_written_off() {
        given().contentType(ContentType.JSON).body("{\"approve\": true}").when()
                .post("/cases/" + large.invoiceId().value() + "/write-off/decision").then().statusCode(200)
                .body("state.status", is("CLOSED")).body("state.closedReason", is("WRITTEN_OFF"));

        assertThat(world.published(DunningCaseClosed.class, 2)).extracting(DunningCaseClosed::reason)
                .containsOnly(DunningCaseClosed.Reason.WRITTEN_OFF);
        given().when().get("/cases/" + large.invoiceId().value() + "/timeline").then()
                .body("findAll { it.by == 'joost' }.what", hasItem("Written off: EUR 5000.00 (failliet, geen boedel), asked by marieke"));
        given().when().get("/dunning-settings").then().body("writeOffApprovalAbove", is(1000.00f));
    }
}
