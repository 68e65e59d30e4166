package nl.tijdig.testing.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs in the supervisor JVM of the test database: starts PostgreSQL from the embedded binaries
 * (initdb once per data directory), prints the ready line with the postmaster's pid, and ends the
 * postmaster when the parent is gone, which the postmaster alone would not notice. Arguments: data
 * directory, port, and {@code durable} (fsync and full page writes on: data that must survive a power loss, as
 * {@code ./tijdig} keeps) or {@code fast} (a throw-away test database).
 */
public final class PostgresSupervisorMain {

    private PostgresSupervisorMain() {
    }

    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        boolean durable = args.length < 3 || "durable".equals(args[2]);
        String writeThrough = durable ? "on" : "off";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (durable) {
            // where data is kept (./tijdig, the benchmarks) the operator can see what the statements cost
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        EmbeddedPostgres postgres = builder
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                // durable: a power loss loses no committed transaction and corrupts no page; a test database
                // may trade that for speed (a crash of the server process itself still loses no commit)
                .setServerConfig("fsync", writeThrough)
                .setServerConfig("full_page_writes", writeThrough)
                .setServerConfig("synchronous_commit", "on") // zonky's default is off: a kill -9 would lose commits
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setDataDirectoryCustomizer(PostgresSupervisorMain::authentication)
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
                .start();
        long postmaster = postmasterPid(dataDir);
        ParentLink.ready("pid=" + postmaster + " port=" + port);
        ParentLink.serve(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, () -> immediateShutdown(postmaster));
    }

    /**
     * initdb trusts everyone; as in production, service roles log in with their password and the
     * superuser (used by the tests to create databases) only over the loopback interface.
     */
    private static void authentication(java.io.File dataDir) {
        try {
            Files.writeString(dataDir.toPath().resolve("pg_hba.conf"), """
                    # TYPE  DATABASE  USER      ADDRESS       METHOD
                    local   all       postgres                trust
                    host    all       postgres  127.0.0.1/32  trust
                    host    all       postgres  ::1/128       trust
                    host    all       all       127.0.0.1/32  scram-sha-256
                    host    all       all       ::1/128       scram-sha-256
                    """);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** SIGQUIT is PostgreSQL's immediate shutdown; whatever is left after 10 s gets SIGKILL. */
    private static void immediateShutdown(long postmaster) {
        List<ProcessHandle> tree = Signals.tree(postmaster);
        Signals.send("QUIT", tree.isEmpty() ? List.of() : List.of(tree.get(0)));
        if (!Signals.awaitGone(tree, Duration.ofSeconds(10))) {
            Signals.send("KILL", tree.stream().filter(ProcessHandle::isAlive).toList());
        }
    }

    static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }
}
