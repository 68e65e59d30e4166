package nl.tijdig.notification.api;

import static io.restassured.RestAssured.given;
import static nl.tijdig.notification.api.Events.published;
import static nl.tijdig.notification.api.Events.reminder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.events.ReminderSent;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.notification.MailServer;
import nl.tijdig.notification.ProviderServer;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = ProviderServer.class, scope = TestResourceScope.GLOBAL, parallel = true)
class LetterTemplateApiTest {

    static final String TENANT = "0193a6f2-0000-7000-8000-0000000000b2";
    static final String OTHER = "0193a6f2-0000-7000-8000-0000000000b3";

    static final String BODY = "<p>Beste {l.debtor.name},</p><p>Wij missen nog {l.totalDue} van u &amp; rekenen op betaling "
            + "binnen {l.payWithinDays} dagen.</p>";

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_tenant_writes_its_own_reminder_and_its_debtors_get_it() {
        // given the built-in templates, eight of them
        given().when().get("/letter-templates").then().statusCode(200).body("size()", is(8))
                .body("source", hasItem("built-in"));
        // when the tenant saves its own Dutch reminder
        given().contentType(ContentType.JSON).body(Map.of("subject", "Nog open: {l.invoiceNumbers}", "body", BODY))
                .when().put("/letter-templates/REMINDER/nl").then().statusCode(200).body("source", is("tenant"));
        given().when().get("/letter-templates/REMINDER/nl").then().statusCode(200)
                .body("subject", is("Nog open: {l.invoiceNumbers}")).body("source", is("tenant"));
        // then a reminder of that kind and language is written with it, in the fixed layout
        TenantId tenant = new TenantId(UUID.fromString(TENANT));
        ReminderDue r = reminder(tenant, ReminderDue.Kind.REMINDER, "nl", "own-words@debtor.test");
        Events.publish(r);
        published(tenant, ReminderSent.class, 1);
        Mails mail = Mails.read(MailServer.to("own-words@debtor.test").get(0));
        assertThat(mail.subject()).isEqualTo("Nog open: 2026-00042, 2026-00057");
        assertThat(mail.flatText()).contains("Beste Bakkerij De Gouden Korst B.V.,", "Wij missen nog € 952,00 van u & rekenen",
                "Heeft u inmiddels betaald?");
        assertThat(mail.pdfText()).contains("Wij missen nog € 952,00");
        // and another tenant still has the built-in one
        given().when().get("/letter-templates/REMINDER/en").then().statusCode(200).body("source", is("built-in"));
        // when the tenant removes its own, the built-in one is back
        given().when().delete("/letter-templates/REMINDER/nl").then().statusCode(204);
        given().when().get("/letter-templates/REMINDER/nl").then().statusCode(200).body("source", is("built-in"));
        given().when().delete("/letter-templates/REMINDER/nl").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = OTHER))
    void a_template_that_does_not_render_or_leaves_out_what_the_law_needs_is_refused_and_nothing_changes() {
        // a value the letter does not have
        given().contentType(ContentType.JSON).body(Map.of("subject", "Factuur {l.invoiceNumbers}", "body", "<p>{l.nonsense}</p>"))
                .when().put("/letter-templates/REMINDER/nl").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("body"))
                .body("errors.message", hasItem(containsString("nonsense")));
        // not well-formed XHTML
        given().contentType(ContentType.JSON).body(Map.of("subject", "Factuur", "body", "<p>Betaal a.u.b.<p>"))
                .when().put("/letter-templates/REMINDER/nl").then().statusCode(422).body("errors.field", hasItem("body"));
        // a 14-dagenbrief without the term the law accepts
        given().contentType(ContentType.JSON).body(Map.of("subject", "Laatste kans", "body",
                        "<p>Betaal {l.totalOpen} binnen 14 dagen, anders {l.collectionCosts} incassokosten.</p>"))
                .when().put("/letter-templates/FOURTEEN_DAY_LETTER/nl").then().statusCode(422)
                .body("errors.message", hasItem(containsString("veertien dagen na de dag van ontvangst")));
        // a 14-dagenbrief that does not name the costs
        given().contentType(ContentType.JSON).body(Map.of("subject", "Laatste kans", "body",
                        "<p>Betaal {l.totalOpen} binnen veertien dagen na de dag van ontvangst van deze brief.</p>"))
                .when().put("/letter-templates/FOURTEEN_DAY_LETTER/nl").then().statusCode(422)
                .body("errors.message", hasItem(containsString("collection costs")));
        // a letter that asks for the open principal while its table shows the amount to pay with interest
        given().contentType(ContentType.JSON).body(Map.of("subject", "Laatste kans", "body",
                        "<p>Betaal {l.totalOpen} binnen veertien dagen na de dag van ontvangst van deze brief; daarna "
                                + "zijn {l.collectionCosts} incassokosten verschuldigd.</p>"))
                .when().put("/letter-templates/FOURTEEN_DAY_LETTER/nl").then().statusCode(422)
                .body("errors.message", hasItem(containsString("a letter asks for one amount")));
        // a subject on two lines (refused as it is read: a one-line text), an unknown kind and language, nothing at all
        given().contentType(ContentType.JSON).body(Map.of("subject", "a\nb", "body", "<p>x</p>"))
                .when().put("/letter-templates/REMINDER/nl").then().statusCode(400).body("errors.field", hasItem("subject"));
        given().contentType(ContentType.JSON).body(Map.of("subject", "a", "body", "<p>x</p>"))
                .when().put("/letter-templates/SUMMONS/fr").then().statusCode(422)
                .body("errors.field", hasItem("kind")).body("errors.field", hasItem("language"));
        given().contentType(ContentType.JSON).body("{}")
                .when().put("/letter-templates/REMINDER/nl").then().statusCode(422)
                .body("errors.field", hasItem("subject")).body("errors.field", hasItem("body"));
        // and nothing was saved
        given().when().get("/letter-templates/REMINDER/nl").then().statusCode(200).body("source", is("built-in"));
        given().when().get("/letter-templates/FOURTEEN_DAY_LETTER/nl").then().statusCode(200).body("source", is("built-in"));
        // a lawful 14-dagenbrief in the tenant's words is taken
        given().contentType(ContentType.JSON).body(Map.of("subject", "Laatste herinnering {l.invoiceNumbers}", "body",
                        "<p>Betaal {l.totalDue} binnen veertien dagen na de dag van ontvangst van deze brief; daarna "
                                + "zijn {l.collectionCosts} incassokosten verschuldigd.</p>"))
                .when().put("/letter-templates/FOURTEEN_DAY_LETTER/nl").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "collector", roles = "collector", attributes = @SecurityAttribute(key = "tenant_id", value = OTHER))
    void staff_read_templates_but_only_a_tenant_admin_changes_them() {
        given().when().get("/letter-templates").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("subject", "a", "body", "<p>x</p>"))
                .when().put("/letter-templates/REMINDER/nl").then().statusCode(403);
    }

    static final String THIRD = "0193a6f2-0000-7000-8000-0000000000b4";

    @Test
    @TestSecurity(user = "admin", roles = "tenant-admin", attributes = @SecurityAttribute(key = "tenant_id", value = THIRD))
    void every_built_in_letter_passes_the_rules_a_tenants_letter_is_held_to() {
        for (ReminderDue.Kind kind : ReminderDue.Kind.values()) {
            for (String language : new String[] {"nl", "en"}) {
                // given the built-in template
                var builtIn = given().when().get("/letter-templates/" + kind + "/" + language).then().statusCode(200)
                        .body("source", is("built-in")).extract().jsonPath();
                // when a tenant saves it as its own, then it is taken: it asks for one amount, and a 14-dagenbrief
                // says what the law needs
                given().contentType(ContentType.JSON).body(Map.of("subject", builtIn.getString("subject"), "body",
                                builtIn.getString("body")))
                        .when().put("/letter-templates/" + kind + "/" + language).then().statusCode(200);
                given().when().delete("/letter-templates/" + kind + "/" + language).then().statusCode(204);
            }
        }
    }
}
