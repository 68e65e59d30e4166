package nl.tijdig.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./tijdig}: starts the whole platform on this machine and runs it until Ctrl-C.
 *
 * <pre>
 * ./tijdig [--port NAME=PORT]... [--data FOLDER]
 * </pre>
 */
public final class Main {

    private static final String USAGE = """
            Usage: ./tijdig [--port NAME=PORT]... [--data FOLDER]
                   ./tijdig demo [--data FOLDER]

            Starts Tijdig on this machine: PostgreSQL, Kafka, Keycloak, a local mailbox and the five
            services, and runs them until Ctrl-C. Data and logs stay in FOLDER (default .tijdig in the
            checkout), so a second start finds them again.

              --port NAME=PORT   another port for one part; the names and default ports:
            %s
              --data FOLDER      where data and logs live
              --help             this text

            ./tijdig demo runs the demo on the platform that runs (in another terminal): a new
            creditor with 100 invoices, payments, 60 business days of dunning, the demo agency and
            factor; it ends by checking what happened (exit status 1 when a check failed).
            """;

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        if (args.length > 0 && "demo".equals(args[0])) {
            try {
                Settings settings = parse(java.util.Arrays.copyOfRange(args, 1, args.length),
                        Path.of(System.getProperty("tijdig.root", ".")));
                if (settings == null) {
                    out.print(usage());
                    System.exit(0);
                }
                boolean passed = demo(settings, out);
                System.exit(passed ? 0 : 1);
            } catch (LaunchException e) {
                System.err.println("The demo did not run: " + e.getMessage());
                System.exit(1);
            }
        }
        try {
            Settings settings = parse(args, Path.of(System.getProperty("tijdig.root", ".")));
            if (settings == null) {
                out.print(usage());
                return;
            }
            run(settings, out);
        } catch (LaunchException e) {
            System.err.println();
            System.err.println("Tijdig did not start: " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("Tijdig did not start: " + e.getMessage());
            System.err.println("(the details follow; the parts' logs are in the data folder)");
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** The demo against the platform whose settings {@code platform.env} in the data folder holds. */
    private static boolean demo(Settings settings, PrintStream out) {
        Path env = settings.dataDir().resolve("platform.env");
        java.util.Properties values = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(env)) {
            values.load(in);
        } catch (IOException e) {
            throw new LaunchException("no running platform found: " + env + " is missing. Start it first with ./tijdig"
                    + " (in another terminal), then run ./tijdig demo");
        }
        Map<String, String> urls = new LinkedHashMap<>();
        for (String service : Settings.SERVICES.keySet()) {
            urls.put(service, values.getProperty("TIJDIG_" + service.toUpperCase().replace('-', '_') + "_URL"));
        }
        String keycloak = values.getProperty("TIJDIG_KEYCLOAK_URL");
        try {
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(urls.get("dunning-service") + "/q/health/ready")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new LaunchException("the platform of " + env + " does not answer (" + urls.get("dunning-service")
                    + "). Start it with ./tijdig, then run ./tijdig demo");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        nl.tijdig.testing.keycloak.KeycloakAdmin admin = nl.tijdig.testing.keycloak.KeycloakAdmin.at(keycloak, Platform.REALM);
        nl.tijdig.launcher.demo.Target target = new nl.tijdig.launcher.demo.Target(urls, admin,
                new nl.tijdig.testing.keycloak.KeycloakAdmin.Client(values.getProperty("TIJDIG_OPERATOR_CLIENT_ID"),
                        values.getProperty("TIJDIG_OPERATOR_CLIENT_SECRET"), null), settings.dataDir());
        return nl.tijdig.launcher.demo.Demo.run(target, out).stream().allMatch(nl.tijdig.launcher.demo.Demo.Check::passed);
    }

    static Settings parse(String[] args, Path root) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        Path data = root.resolve(".tijdig");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--port" -> {
                    String value = value(args, ++i, arg);
                    int eq = value.indexOf('=');
                    if (eq < 1) {
                        throw new LaunchException("--port wants NAME=PORT, e.g. --port postgres=15432 (got '" + value + "')");
                    }
                    try {
                        ports.put(value.substring(0, eq), Integer.parseInt(value.substring(eq + 1)));
                    } catch (NumberFormatException e) {
                        throw new LaunchException("--port " + value + ": '" + value.substring(eq + 1) + "' is not a number");
                    }
                }
                case "--data" -> data = Path.of(value(args, ++i, arg));
                default -> throw new LaunchException("unknown option '" + arg + "'\n\n" + usage());
            }
        }
        return new Settings(root, data, ports, Map.of());
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new LaunchException(option + " needs a value");
        }
        return args[i];
    }

    private static String usage() {
        StringBuilder ports = new StringBuilder();
        Settings.DEFAULT_PORTS.forEach((name, port) -> ports.append(String.format("                   %-22s %d%n", name, port)));
        return USAGE.formatted(ports.toString().stripTrailing());
    }

    private static void run(Settings settings, PrintStream out) {
        out.println("Tijdig " + Settings.build().getProperty("project.version") + ": starting the platform (Java "
                + Runtime.version().feature() + ", data in " + settings.dataDir() + ")");
        long began = System.nanoTime();
        Progress progress = new Progress(out, Duration.ofSeconds(10));
        Platform platform = Platform.start(settings, progress);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println();
            out.println("Stopping Tijdig (the data stay in " + settings.dataDir() + ") ...");
            platform.close();
            progress.close();
            out.println("Stopped.");
            stopped.countDown();
        }, "stop"));
        String summary = summary(platform, (System.nanoTime() - began) / 1_000_000_000L);
        out.println(summary);
        try {
            Files.writeString(settings.dataDir().resolve("platform.env"), environment(platform));
        } catch (IOException e) {
            out.println("(could not write " + settings.dataDir().resolve("platform.env") + ": " + e.getMessage() + ")");
        }
        try {
            new CountDownLatch(1).await(); // until Ctrl-C (the shutdown hook stops everything)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String summary(Platform platform, long seconds) {
        Settings settings = platform.settings();
        DemoTenant demo = platform.demo();
        StringBuilder text = new StringBuilder();
        text.append("\nTijdig runs (started in ").append(seconds).append(" s).\n\nServices (API description at /q/openapi):\n");
        for (String service : Settings.SERVICES.keySet()) {
            text.append(String.format("  %-22s %s%n", service, platform.url(service)));
        }
        text.append("\nDemo tenant '").append(Platform.DEMO_TENANT).append("' (tenant id ").append(demo.tenantId()).append(")\n")
                .append("  integrator client ").append(demo.integrator().clientId()).append(", secret ")
                .append(demo.integrator().secret()).append(" (roles integrator, tenant-admin, collector)\n")
                .append("  a token for the next 5 minutes:\n    ").append(demo.integratorToken()).append("\n")
                .append("  a fresh one:\n    ").append(demo.tokenCommand(demo.integrator())).append(" | jq -r .access_token\n")
                .append("  operator client ").append(demo.operator().clientId()).append(", secret ").append(demo.operator().secret())
                .append(" (moves the business clock: PUT ").append(platform.url("dunning-service")).append("/admin/clock)\n");
        text.append("\nMailbox      http://127.0.0.1:").append(settings.port("mailbox")).append(" (SMTP 127.0.0.1:")
                .append(settings.port("smtp")).append("; every message also as a file in ").append(platform.mailbox().folder()).append(")\n")
                .append("Keycloak     ").append(platform.keycloak().url()).append("/admin (admin / admin), realm ").append(Platform.REALM).append('\n')
                .append("Kafka        ").append(platform.kafka().bootstrapServers()).append('\n')
                .append("PostgreSQL   localhost:").append(platform.postgres().port())
                .append(" (database, user and password = invoice, payment, dunning, notification, collection)\n")
                .append("Data, logs   ").append(settings.dataDir()).append(" (each part's log: <part>/<part>.log)\n")
                .append("Settings for scripts: ").append(settings.dataDir().resolve("platform.env")).append("\n\n")
                .append("Press Ctrl-C to stop.\n");
        return text.toString();
    }

    /** The same facts as shell variables, for scripts (the demo reads them). */
    static String environment(Platform platform) {
        DemoTenant demo = platform.demo();
        StringBuilder env = new StringBuilder("# written by ./tijdig on each start\n");
        for (String service : Settings.SERVICES.keySet()) {
            env.append("TIJDIG_").append(service.toUpperCase().replace('-', '_')).append("_URL=").append(platform.url(service)).append('\n');
        }
        List.of("TIJDIG_TENANT_ID=" + demo.tenantId(), "TIJDIG_TOKEN_URL=" + demo.tokenUrl(),
                "TIJDIG_CLIENT_ID=" + demo.integrator().clientId(), "TIJDIG_CLIENT_SECRET=" + demo.integrator().secret(),
                "TIJDIG_OPERATOR_CLIENT_ID=" + demo.operator().clientId(),
                "TIJDIG_OPERATOR_CLIENT_SECRET=" + demo.operator().secret(),
                "TIJDIG_MAILBOX_DIR=" + platform.mailbox().folder(),
                "TIJDIG_KEYCLOAK_URL=" + platform.keycloak().url(),
                "TIJDIG_KAFKA=" + platform.kafka().bootstrapServers())
                .forEach(line -> env.append(line).append('\n'));
        return env.toString();
    }
}
