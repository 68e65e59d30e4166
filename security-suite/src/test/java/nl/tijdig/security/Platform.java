package nl.tijdig.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One running platform for the whole suite (the tenant isolation checks and the fuzz suite share it): the
 * world, the role map of docs/security.md and every operation's fixture, made once per test JVM and stopped
 * when the JVM ends.
 */
final class Platform {

    private static World world;
    private static RoleMap roles;
    private static final Map<String, Map<String, Fixture>> FIXTURES = new LinkedHashMap<>();

    private Platform() {
    }

    static synchronized World world() {
        if (world == null) {
            World started = new World();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "tijdig-security-suite-stop"));
            roles = RoleMap.read(World.ROOT.resolve("docs/security.md"));
            InvoiceServiceFixtures invoices = new InvoiceServiceFixtures(started);
            FIXTURES.put(InvoiceServiceFixtures.SERVICE, invoices.all());
            FIXTURES.put(PaymentServiceFixtures.SERVICE, new PaymentServiceFixtures(started, invoices).all());
            FIXTURES.put(DunningServiceFixtures.SERVICE, new DunningServiceFixtures(started, invoices).all());
            FIXTURES.put(NotificationServiceFixtures.SERVICE, new NotificationServiceFixtures(started).all());
            FIXTURES.put(CollectionGatewayFixtures.SERVICE, new CollectionGatewayFixtures(started).all());
            world = started;
        }
        return world;
    }

    static RoleMap roles() {
        world();
        return roles;
    }

    static Map<String, Fixture> fixtures(String service) {
        world();
        return FIXTURES.getOrDefault(service, Map.of());
    }
}
