package nl.tijdig.invoice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import nl.tijdig.testing.kafka.TopicProbe;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "invoice"))
class DebtorApiTest {

    static final String TENANT_A = "0193a6f2-0000-7000-8000-00000000000a";
    static final String TENANT_B = "0193a6f2-0000-7000-8000-00000000000b";

    public static final String BAKERY = """
            {"kind": "BUSINESS", "name": "Bakkerij De Gouden Korst B.V.",
             "address": {"street": "Keizersgracht 123", "postalCode": "1015 CJ", "city": "Amsterdam", "countryCode": "NL"},
             "kvkNumber": "12345678", "email": "administratie@goudenkorst.nl", "iban": "NL91 ABNA 0417 1643 00"}""";

    public static String register(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/debtors")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT_A))
    void a_registered_debtor_can_be_read_back_and_is_published() {
        // when a business debtor is registered
        String id = given().contentType(ContentType.JSON).body(BAKERY).when().post("/debtors")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/debtors/[0-9a-f-]{36}"))
                .body("segment", is("B2B"))
                .body("iban", is("NL91ABNA0417164300"))
                .body("language", is("nl"))
                .extract().path("id");

        // then it reads back
        given().when().get("/debtors/" + id).then().statusCode(200)
                .body("name", is("Bakkerij De Gouden Korst B.V."))
                .body("address.city", is("Amsterdam"))
                .body("termDays", nullValue());

        // and DebtorRegistered is on tijdig.invoice.v1, keyed by the debtor, for this tenant
        ConsumerRecord<String, byte[]> record = TopicProbe.first(KafkaResource.broker().bootstrapServers(),
                "tijdig.invoice.v1", r -> id.equals(r.key()), Duration.ofSeconds(60));
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("nl.tijdig.invoice.DebtorRegistered.v1");
        assertThat(TopicProbe.header(record, "ce_tenantid")).isEqualTo(TENANT_A);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"kvkNumber\":\"12345678\"");
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT_A))
    void a_change_is_kept_and_a_broken_rule_is_a_422_naming_each_field() {
        String id = register(BAKERY);

        given().contentType(ContentType.JSON).body(BAKERY.replace("administratie@", "crediteuren@"))
                .when().put("/debtors/" + id).then().statusCode(200).body("email", is("crediteuren@goudenkorst.nl"));
        given().when().get("/debtors/" + id).then().body("email", is("crediteuren@goudenkorst.nl"));

        given().contentType(ContentType.JSON)
                .body(BAKERY.replace("\"12345678\"", "\"1234\"").replace("NL91 ABNA 0417 1643 00", "NL91ABNA0417164301"))
                .when().post("/debtors")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", is("https://tijdig.nl/problems/rejected"))
                .body("errors.field", containsInAnyOrder("kvkNumber", "iban"));
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT_B))
    void another_tenants_debtor_is_not_found() {
        String foreign = DebtorFixtures.registerForTenant(TENANT_A);
        given().when().get("/debtors/" + foreign).then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(BAKERY).when().put("/debtors/" + foreign).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "someone", roles = "integrator")
    void a_caller_without_a_tenant_is_refused() {
        given().when().get("/debtors/" + UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void an_anonymous_caller_is_refused() {
        given().when().get("/debtors/" + UUID.randomUUID()).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    }
}
