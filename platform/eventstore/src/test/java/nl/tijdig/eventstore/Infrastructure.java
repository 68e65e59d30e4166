package nl.tijdig.eventstore;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.tijdig.testing.kafka.KafkaBroker;
import nl.tijdig.testing.postgres.PostgresServer;
import org.flywaydb.core.Flyway;

/**
 * One real PostgreSQL (database {@code eventstore}, migrated with the module's Flyway migration) and
 * one real Kafka broker for all tests of this module, started side by side on first use.
 */
final class Infrastructure {

    static final String DATABASE = "eventstore";
    private static final Logger KAFKA_CLIENTS = Logger.getLogger("org.apache.kafka");

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static Vertx vertx;

    static {
        KAFKA_CLIENTS.setLevel(Level.WARNING);
    }

    private Infrastructure() {
    }

    static synchronized void start() {
        if (postgres != null) {
            return;
        }
        CompletableFuture<KafkaBroker> broker = CompletableFuture.supplyAsync(KafkaBroker::startNew);
        postgres = PostgresServer.startNew();
        postgres.createDatabase(DATABASE);
        Flyway.configure().dataSource(postgres.jdbcUrl(DATABASE), DATABASE, DATABASE)
                .locations("classpath:db/migration").load().migrate();
        kafka = broker.join();
        vertx = Vertx.vertx();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
        }));
    }

    static PostgresServer postgres() {
        start();
        return postgres;
    }

    static KafkaBroker kafka() {
        start();
        return kafka;
    }

    static io.vertx.core.Vertx vertx() {
        start();
        return vertx.getDelegate();
    }

    static Pool pool(int size) {
        start();
        return PgBuilder.pool().with(new PoolOptions().setMaxSize(size)).connectingTo(connectOptions()).using(vertx).build();
    }

    static PgConnectOptions connectOptions() {
        return new PgConnectOptions().setHost("localhost").setPort(postgres().port()).setDatabase(DATABASE)
                .setUser(DATABASE).setPassword(DATABASE);
    }
}
