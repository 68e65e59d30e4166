package nl.tijdig.e2e;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.tijdig.launcher.Platform;
import nl.tijdig.launcher.Progress;
import nl.tijdig.launcher.Settings;
import nl.tijdig.testing.process.Folders;
import nl.tijdig.testing.process.Ports;

/**
 * The platform as {@code ./tijdig} runs it, started once for every end-to-end test of this JVM, on free ports and
 * fresh data in {@code target/platform}, and stopped when the JVM ends. The business clock is one for all: tests only
 * move it forward, and each test works in a tenant of its own.
 */
final class Stack {

    private static Platform platform;
    private static nl.tijdig.launcher.demo.Target target;

    private Stack() {
    }

    static synchronized Platform platform() {
        if (platform == null) {
            Path root = Path.of(System.getProperty("tijdig.root", "..")).toAbsolutePath().normalize();
            Path data = root.resolve("e2e/target/platform");
            Folders.deleteRecursively(data);
            Map<String, Integer> ports = new LinkedHashMap<>();
            Settings.DEFAULT_PORTS.keySet().forEach(name -> ports.put(name, Ports.free()));
            // the scheduler runs when a test asks (POST /admin/dunning-runs), so a test sees one run at a time
            // a throw-away platform: PostgreSQL without fsync (a crash of a process still loses no commit)
            Settings settings = new Settings(root, data, ports, Map.of("tijdig.dunning.scheduler.enabled", "false"), false);
            PrintStream out = System.out;
            platform = Platform.start(settings, new Progress(out, Duration.ofSeconds(15)));
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "stop-platform"));
        }
        return platform;
    }

    /** The running platform as clients see it. */
    static synchronized nl.tijdig.launcher.demo.Target target() {
        if (target == null) {
            target = nl.tijdig.launcher.demo.Target.of(platform());
        }
        return target;
    }

    static String url(String service) {
        return target().url(service);
    }

    static String operatorToken() {
        return target().operatorToken();
    }

    /** The business day now, on the platform's shared clock. */
    static LocalDate today() {
        return target().today();
    }

    /** Moves the whole platform's clock to 09:00 in Amsterdam on {@code day} (never back: other tests share it). */
    static void moveTo(LocalDate day) {
        target().moveTo(day);
    }

    /** One scheduler run of the dunning-service, as the operator asks for it. */
    static void runDunning() {
        target().runDunning();
    }

    static void sleep(Duration duration) {
        nl.tijdig.launcher.demo.Target.sleep(duration);
    }
}
