package nl.tijdig.security;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The operations a running service's OpenAPI document lists, as "METHOD /path". */
final class OpenApi {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApi() {
    }

    static List<String> operations(String baseUrl) {
        Map<String, Map<String, Object>> paths = given().baseUri(baseUrl).queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        List<String> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.keySet().stream().filter(METHODS::contains).sorted()
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }
}
