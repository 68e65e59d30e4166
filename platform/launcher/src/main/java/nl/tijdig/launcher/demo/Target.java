package nl.tijdig.launcher.demo;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import nl.tijdig.launcher.DemoTenant;
import nl.tijdig.launcher.Platform;
import nl.tijdig.launcher.Settings;
import nl.tijdig.testing.keycloak.KeycloakAdmin;

/**
 * A running platform as a client sees it: the services' URLs, Keycloak's admin API (to make tenants), the operator
 * (who moves the shared business clock and runs the dunning scheduler) and the data folder (the mailbox and letters).
 */
public final class Target {

    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final Map<String, String> urls;
    private final KeycloakAdmin admin;
    private final KeycloakAdmin.Client operator;
    private final Path dataDir;
    private String operatorToken;
    private Instant operatorTokenAt = Instant.EPOCH;

    public Target(Map<String, String> urls, KeycloakAdmin admin, KeycloakAdmin.Client operator, Path dataDir) {
        this.urls = Map.copyOf(urls);
        this.admin = admin;
        this.operator = operator;
        this.dataDir = dataDir;
    }

    /** The platform this JVM started. */
    public static Target of(Platform platform) {
        Map<String, String> urls = new java.util.LinkedHashMap<>();
        Settings.SERVICES.keySet().forEach(service -> urls.put(service, platform.url(service)));
        DemoTenant demo = platform.demo();
        return new Target(urls, demo.admin(), demo.operator(), platform.settings().dataDir());
    }

    public String url(String service) {
        String url = urls.get(service);
        if (url == null) {
            throw new IllegalArgumentException("no service " + service);
        }
        return url;
    }

    public KeycloakAdmin admin() {
        return admin;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized String operatorToken() {
        if (operatorTokenAt.isBefore(Instant.now().minusSeconds(60))) {
            operatorToken = admin.token(operator);
            operatorTokenAt = Instant.now();
        }
        return operatorToken;
    }

    /** A request to the dunning-service's operator API. */
    private RequestSpecification operator() {
        return given().filter(RespectRateLimit.INSTANCE).baseUri(url("dunning-service")).auth().oauth2(operatorToken());
    }

    /** The business day now on the platform's shared clock. */
    public LocalDate today() {
        return LocalDate.parse(operator().get("/admin/clock")
                .then().statusCode(200).extract().path("today"));
    }

    /** The business instant now on the platform's shared clock. */
    public Instant now() {
        return Instant.parse(operator().get("/admin/clock")
                .then().statusCode(200).extract().path("now"));
    }

    /** Moves the whole platform's clock to 09:00 in Amsterdam on {@code day} (never back: others share it). */
    public void moveTo(LocalDate day) {
        Instant now = day.atTime(9, 0).atZone(AMSTERDAM).toInstant();
        operator().contentType("application/json")
                .body(Map.of("now", now.toString())).put("/admin/clock").then().statusCode(200);
        sleep(Duration.ofSeconds(1)); // every service reads the shared clock again within 0.2 s
    }

    /** One run of the dunning scheduler, as the operator asks for it. */
    public void runDunning() {
        operator().post("/admin/dunning-runs").then()
                .statusCode(200);
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
