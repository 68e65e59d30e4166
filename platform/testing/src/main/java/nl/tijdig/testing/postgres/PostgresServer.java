package nl.tijdig.testing.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import nl.tijdig.testing.process.Ports;
import nl.tijdig.testing.process.SupervisedServer;
import nl.tijdig.testing.servers.Signals;

/**
 * A real PostgreSQL 17 from embedded binaries (io.zonky.test), on a free loopback port, behind a
 * supervisor JVM that ends it with the test JVM. Each service gets its own database and role, as in
 * production: {@link #createDatabase(String)}.
 */
public final class PostgresServer extends SupervisedServer {

    public static final String SUPERUSER = "postgres";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final int port;
    private final boolean durable;
    private volatile long postmasterPid;

    private PostgresServer(boolean durable) {
        super("postgres");
        this.port = Ports.free();
        this.durable = durable;
    }

    private PostgresServer(java.nio.file.Path workDir, int port, boolean durable) {
        super("postgres", workDir);
        this.port = port;
        this.durable = durable;
    }

    /**
     * Starts a server on the data in {@code workDir} (made there the first time) on this port. {@code durable}: with
     * {@code fsync} and {@code full_page_writes} on, as data that must survive a power loss needs.
     */
    public static PostgresServer startAt(java.nio.file.Path workDir, int port, boolean durable) {
        PostgresServer server = new PostgresServer(workDir, port, durable);
        server.start();
        return server;
    }

    /** Starts a durable server on the data in {@code workDir}. */
    public static PostgresServer startAt(java.nio.file.Path workDir, int port) {
        return startAt(workDir, port, true);
    }

    /**
     * Starts a new throw-away server for tests and waits until it accepts connections: {@code fsync} off (a crash
     * of the server process still loses no committed transaction; an OS crash may).
     */
    public static PostgresServer startNew() {
        PostgresServer server = new PostgresServer(false);
        server.start();
        return server;
    }

    /** Starts a new server as durable as production (for benchmarks, whose figures must hold there). */
    public static PostgresServer startNewDurable() {
        PostgresServer server = new PostgresServer(true);
        server.start();
        return server;
    }

    /** Whether the server writes through to the disk (fsync, full page writes). */
    public boolean durable() {
        return durable;
    }

    public int port() {
        return port;
    }

    public long postmasterPid() {
        return postmasterPid;
    }

    /**
     * Creates a database owned by a role of the same name (password = name), unless it exists. Only
     * that role (and the superuser) may connect to it. Names are plain lowercase identifiers.
     */
    public void createDatabase(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a plain lowercase database name");
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
                Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + name + "') THEN "
                    + "CREATE ROLE " + name + " LOGIN PASSWORD '" + name + "'; END IF; END $$");
            var exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!exists.next()) {
                s.execute("CREATE DATABASE " + name + " OWNER " + name);
                s.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on port " + port, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** The URL form of the Vert.x reactive client. */
    public String reactiveUrl(String database) {
        return "postgresql://localhost:" + port + "/" + database;
    }

    @Override
    public List<ProcessHandle> serverProcesses() {
        return Signals.tree(postmasterPid);
    }

    @Override
    protected String mainClass() {
        return "nl.tijdig.testing.servers.PostgresSupervisorMain"; // by name: its libraries are not on this classpath
    }

    @Override
    protected List<String> arguments() {
        return List.of(dataDir().toString(), Integer.toString(port), durable ? "durable" : "fast");
    }

    @Override
    protected void ready(String readyLine) {
        postmasterPid = Long.parseLong(field(readyLine, "pid"));
    }
}
