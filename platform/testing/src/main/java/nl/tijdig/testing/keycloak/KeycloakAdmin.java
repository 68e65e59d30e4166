package nl.tijdig.testing.keycloak;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Keycloak admin REST API, as {@code docs/security.md} describes setting up a tenant: a group under
 * {@code /tenants} with the attribute {@code tenant_id}; an integrator = a confidential client with a
 * service account that is a member of the tenant's group and has realm roles; staff = users in the
 * group. Tokens come from the realm's token endpoint.
 */
public final class KeycloakAdmin {

    /** Admin tokens live 60 s: one older than this is fetched again (starting services between calls takes longer). */
    private static final long TOKEN_REUSE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    private final String url;
    private final String realm;
    private String token;
    private long tokenAt;

    KeycloakAdmin(KeycloakServer server) {
        this(server.url(), server.realm());
    }

    private KeycloakAdmin(String url, String realm) {
        this.url = url;
        this.realm = realm;
        token();
    }

    /** The admin API of a running Keycloak (base URL, e.g. {@code http://127.0.0.1:8180}) as the bootstrap admin. */
    public static KeycloakAdmin at(String url, String realm) {
        return new KeycloakAdmin(url, realm);
    }

    private synchronized String token() {
        if (token == null || System.nanoTime() - tokenAt > TOKEN_REUSE_NANOS) {
            tokenAt = System.nanoTime();
            token = given().baseUri(url).formParam("grant_type", "password")
                    .formParam("client_id", "admin-cli").formParam("username", KeycloakServer.ADMIN)
                    .formParam("password", KeycloakServer.ADMIN)
                    .post("/realms/master/protocol/openid-connect/token").then().statusCode(200).extract()
                    .path("access_token");
        }
        return token;
    }

    /** A client's id and secret (client credentials grant). */
    public record Client(String clientId, String secret, String id) {
    }

    private RequestSpecification api() {
        return given().baseUri(url + "/admin/realms/" + realm).auth().oauth2(token())
                .contentType(ContentType.JSON);
    }

    /** Creates the tenant's group {@code /tenants/<name>} with its tenant_id; returns the group id. */
    public String createTenant(String name, UUID tenantId) {
        String parent = api().queryParam("search", "tenants").queryParam("exact", true).get("/groups").then()
                .statusCode(200).extract().path("[0].id");
        api().body(Map.of("name", name, "attributes", Map.of("tenant_id", List.of(tenantId.toString()))))
                .post("/groups/" + parent + "/children").then().statusCode(201);
        List<Map<String, Object>> children = api().queryParam("max", 1000).get("/groups/" + parent + "/children")
                .then().statusCode(200).extract().path("");
        return children.stream().filter(g -> name.equals(g.get("name"))).map(g -> (String) g.get("id")).findFirst()
                .orElseThrow();
    }

    /** A tenant's group in the realm: its id and the tenant id it carries. */
    public record TenantGroup(String groupId, UUID tenantId) {
    }

    /** The tenant's group {@code /tenants/<name>}, when it exists. */
    public java.util.Optional<TenantGroup> findTenant(String name) {
        List<Map<String, Object>> found = api().queryParam("search", name).queryParam("exact", true)
                .queryParam("briefRepresentation", false).get("/groups").then().statusCode(200).extract().path("");
        return found.stream().flatMap(KeycloakAdmin::withSubGroups)
                .filter(g -> name.equals(g.get("name")) && ("/tenants/" + name).equals(g.get("path")))
                .findFirst().map(g -> {
                    @SuppressWarnings("unchecked")
                    Map<String, List<String>> attributes = (Map<String, List<String>>) g.get("attributes");
                    return new TenantGroup((String) g.get("id"), UUID.fromString(attributes.get("tenant_id").get(0)));
                });
    }

    @SuppressWarnings("unchecked")
    private static java.util.stream.Stream<Map<String, Object>> withSubGroups(Map<String, Object> group) {
        List<Map<String, Object>> children = (List<Map<String, Object>>) group.getOrDefault("subGroups", List.of());
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(group),
                children.stream().flatMap(KeycloakAdmin::withSubGroups));
    }

    /** A confidential client with its secret, when it exists. */
    public java.util.Optional<Client> findClient(String clientId) {
        List<Map<String, Object>> found = api().queryParam("clientId", clientId).get("/clients").then().statusCode(200)
                .extract().path("");
        return found.stream().findFirst().map(c -> {
            String id = (String) c.get("id");
            String secret = api().get("/clients/" + id + "/client-secret").then().statusCode(200).extract().path("value");
            return new Client(clientId, secret, id);
        });
    }

    /**
     * Creates a confidential client with a service account in the tenant's group (none: no tenant) with
     * these realm roles and client attributes (e.g. {@code access.token.lifespan}).
     */
    public Client createServiceClient(String clientId, String groupId, List<String> roles, Map<String, String> attributes) {
        String secret = UUID.randomUUID().toString();
        api().body(Map.of("clientId", clientId, "enabled", true, "publicClient", false, "serviceAccountsEnabled", true,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", false, "secret", secret, "attributes",
                attributes)).post("/clients").then().statusCode(201);
        String id = api().queryParam("clientId", clientId).get("/clients").then().statusCode(200).extract()
                .path("[0].id");
        String user = api().get("/clients/" + id + "/service-account-user").then().statusCode(200).extract().path("id");
        if (groupId != null) {
            api().put("/users/" + user + "/groups/" + groupId).then().statusCode(204);
        }
        grantRoles(user, roles);
        return new Client(clientId, secret, id);
    }

    /** Takes a default client scope (e.g. {@code aud-invoice-service}) off a client. */
    public void removeDefaultScope(Client client, String scopeName) {
        List<Map<String, Object>> scopes = api().get("/clients/" + client.id() + "/default-client-scopes").then()
                .statusCode(200).extract().path("");
        String scope = scopes.stream().filter(s -> scopeName.equals(s.get("name"))).map(s -> (String) s.get("id"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no default scope " + scopeName));
        api().delete("/clients/" + client.id() + "/default-client-scopes/" + scope).then().statusCode(204);
    }

    /** Creates a public client that may use the password grant (for tests of staff users only). */
    public String createPasswordClient(String clientId) {
        api().body(Map.of("clientId", clientId, "enabled", true, "publicClient", true, "standardFlowEnabled", false,
                "directAccessGrantsEnabled", true)).post("/clients").then().statusCode(201);
        return clientId;
    }

    /** Creates a staff user in the tenant's group with these realm roles; returns the user id. */
    public String createUser(String username, String password, String groupId, List<String> roles) {
        api().body(Map.of("username", username, "enabled", true, "email", username + "@example.test",
                "emailVerified", true, "firstName", username, "lastName", "Test",
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .post("/users").then().statusCode(201);
        String id = api().queryParam("username", username).queryParam("exact", true).get("/users").then()
                .statusCode(200).extract().path("[0].id");
        if (groupId != null) {
            api().put("/users/" + id + "/groups/" + groupId).then().statusCode(204);
        }
        grantRoles(id, roles);
        return id;
    }

    private void grantRoles(String userId, List<String> roles) {
        if (roles.isEmpty()) {
            return;
        }
        List<Object> representations = roles.stream()
                .map(role -> (Object) api().get("/roles/" + role).then().statusCode(200).extract().path(""))
                .toList();
        api().body(representations).post("/users/" + userId + "/role-mappings/realm").then().statusCode(204);
    }

    /** An access token by client credentials. */
    public String token(Client client) {
        return tokenRequest(client, null).then().statusCode(200).extract().path("access_token");
    }

    /**
     * An access token by client credentials asked for under another host name: Keycloak names that host
     * in the token's issuer, so the token is genuine but from a wrong issuer.
     */
    public String tokenAsIssuedFor(Client client, String host) {
        return tokenRequest(client, host).then().statusCode(200).extract().path("access_token");
    }

    /** An access token of a user by the password grant of a public client. */
    public String userToken(String clientId, String username, String password) {
        return given().baseUri(url).formParam("grant_type", "password").formParam("client_id", clientId)
                .formParam("username", username).formParam("password", password)
                .post("/realms/" + realm + "/protocol/openid-connect/token").then().statusCode(200).extract()
                .path("access_token");
    }

    private Response tokenRequest(Client client, String host) {
        RequestSpecification request = given().baseUri(url).formParam("grant_type", "client_credentials")
                .formParam("client_id", client.clientId()).formParam("client_secret", client.secret());
        if (host != null) {
            request = request.header("Host", host);
        }
        return request.post("/realms/" + realm + "/protocol/openid-connect/token");
    }
}
