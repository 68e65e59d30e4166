package nl.tijdig.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import nl.tijdig.testing.postgres.PostgresServer;
import nl.tijdig.testing.process.Ports;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    private static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.startNew();
        PostgresResource.SERVICE_DATABASES.forEach(server::createDatabase);
    }

    @AfterAll
    static void closeServer() {
        server.close();
    }

    @Test
    void every_service_database_accepts_a_connection_of_its_own_role() throws SQLException {
        for (String database : PostgresResource.SERVICE_DATABASES) {
            try (Connection c = connect(database); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT current_database(), current_user, current_setting('server_version_num')::int")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(database);
                assertThat(rs.getString(2)).isEqualTo(database);
                assertThat(rs.getInt(3)).isBetween(170000, 179999);
            }
        }
    }

    @Test
    void a_service_role_cannot_reach_another_service_database_nor_log_in_without_its_password() {
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("payment"), "invoice", "invoice").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied for database");
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("invoice"), "invoice", "wrong").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> server.createDatabase("Robert'); DROP TABLE x;--"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_server_on_kept_data_writes_through_to_the_disk_and_a_throw_away_test_server_need_not() throws Exception {
        // given the throw-away server of the tests, and a server on a data folder as ./tijdig starts it
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("tijdig-durable-");
        try (PostgresServer kept = PostgresServer.startAt(data, Ports.free())) {
            // then the kept one has fsync, full page writes and synchronous commit on; the test one only the last
            assertThat(settings(kept.jdbcUrl("postgres"))).containsExactly("on", "on", "on");
            assertThat(kept.durable()).isTrue();
        }
        assertThat(settings(server.jdbcUrl("postgres"))).containsExactly("off", "off", "on");
    }

    private static java.util.List<String> settings(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, PostgresServer.SUPERUSER, ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('fsync'), current_setting('full_page_writes'), "
                        + "current_setting('synchronous_commit')")) {
            rs.next();
            return java.util.List.of(rs.getString(1), rs.getString(2), rs.getString(3));
        }
    }

    @Test
    void committed_rows_survive_a_kill_9_of_the_postmaster() throws SQLException {
        // given a committed row
        try (Connection c = connect("dunning"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS crash_test (id int PRIMARY KEY)");
            s.execute("INSERT INTO crash_test VALUES (1) ON CONFLICT DO NOTHING");
        }
        long firstPostmaster = server.postmasterPid();

        // when the postmaster and its backends are killed with SIGKILL and the server started again
        server.kill();
        assertThat(server.isRunning()).isFalse();
        assertThatThrownBy(() -> connect("dunning").close()).isInstanceOf(SQLException.class);
        server.start();

        // then the row is still there, in a new postmaster on the same port
        assertThat(server.postmasterPid()).isNotEqualTo(firstPostmaster);
        try (Connection c = connect("dunning"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM crash_test WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void a_paused_database_answers_nothing_until_it_is_resumed() throws SQLException {
        // given an open connection that gives up after 2 seconds without an answer
        Properties props = new Properties();
        props.setProperty("user", "payment");
        props.setProperty("password", "payment");
        props.setProperty("socketTimeout", "2");
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("payment"), props)) {
            // when the server is paused
            server.pause();
            try (Statement s = c.createStatement()) {
                // then a query gets no answer
                assertThatThrownBy(() -> s.executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
            } finally {
                server.resume();
            }
        }
        // and after resuming, new connections work
        try (Connection c = connect("payment"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), database, database);
    }
}
