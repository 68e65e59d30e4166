package nl.tijdig.testing.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.tijdig.testing.postgres.PostgresServer;

/**
 * A real PostgreSQL for a {@code @QuarkusTest}, with a database (and role) for each service as in
 * production. The init argument {@code database} names the service's own database; the resource sets
 * the datasource URLs (reactive and JDBC), user and password to it:
 * {@code @WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL,
 * parallel = true, initArgs = @ResourceArg(name = "database", value = "invoice"))}.
 * Fault tests reach the server through {@link #server()}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    /** The services' databases: every test database server has them all, as production does. */
    public static final List<String> SERVICE_DATABASES = List.of("invoice", "payment", "dunning", "notification", "collection");

    private static volatile PostgresServer server;
    private String database;

    /** The running server, to stop, kill, pause or restart it from a test. */
    public static PostgresServer server() {
        if (server == null) {
            throw new IllegalStateException("no database server: the test does not use PostgresResource");
        }
        return server;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null) {
            throw new IllegalArgumentException("PostgresResource needs the init argument 'database' (the service's database)");
        }
    }

    @Override
    public Map<String, String> start() {
        server = PostgresServer.startNew();
        SERVICE_DATABASES.forEach(server::createDatabase);
        server.createDatabase(database);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.reactive.url", server.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", server.jdbcUrl(database));
        config.put("quarkus.datasource.username", database);
        config.put("quarkus.datasource.password", database);
        config.put("tijdig.test.postgres.port", Integer.toString(server.port()));
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
