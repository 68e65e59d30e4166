package nl.tijdig.security;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A concrete request to a service, and the status it must get when the caller may make it. */
record Call(String method, String path, String contentType, String body, int expected) {

    static Call get(String path) {
        return new Call("GET", path, null, null, 200);
    }

    static Call json(String method, String path, String body, int expected) {
        return new Call(method, path, "application/json", body, expected);
    }

    /** Sends the call with this bearer token (none: null). */
    Response send(String baseUrl, String token) {
        RequestSpecification request = given().baseUri(baseUrl).redirects().follow(false);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request = request.contentType(contentType).body(body);
        }
        return request.request(method, path);
    }

    String operation() {
        return method + " " + path;
    }
}
