package nl.tijdig.testing.servers;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Runs a command (Keycloak's {@code kc.sh}, a packaged service's {@code java -jar}) for a test JVM and
 * ends it, with everything it started, when the test JVM says {@code stop} or goes away — so a server
 * that is not a Java main of ours still never outlives the tests.
 *
 * <p>Arguments: {@code <working dir> [--env KEY=VALUE]... -- <command> [args...]}. The command's output
 * goes to this JVM's output (the log file of the parent's {@code ChildJvm}).
 */
public final class CommandSupervisorMain {

    private CommandSupervisorMain() {
    }

    public static void main(String[] args) throws IOException {
        File dir = new File(args[0]);
        List<String> command = new ArrayList<>();
        ProcessBuilder builder = new ProcessBuilder().directory(dir).inheritIO();
        Map<String, String> env = builder.environment();
        int i = 1;
        for (; i < args.length && !args[i].equals("--"); i++) {
            if (args[i].equals("--env")) {
                String pair = args[++i];
                int eq = pair.indexOf('=');
                env.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        for (i++; i < args.length; i++) {
            command.add(args[i]);
        }
        builder.command(command);
        builder.redirectInput(ProcessBuilder.Redirect.PIPE); // not ours: our standard input is the parent link
        Process process = builder.start();
        ParentLink.ready("pid=" + process.pid());
        Thread watcher = new Thread(() -> {
            try {
                int code = process.waitFor();
                System.out.println("the supervised command exited with " + code);
                System.out.flush();
                Runtime.getRuntime().halt(code == 0 ? 0 : 3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "supervised-command");
        watcher.setDaemon(true);
        watcher.start();
        ParentLink.serve(() -> end(process, false), () -> end(process, true));
    }

    /** Ends the command and what it started: TERM first (KILL when {@code now} or after 30 s). */
    private static void end(Process process, boolean now) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().sorted(Comparator.comparingLong(ProcessHandle::pid)).toList());
        all.add(process.toHandle());
        for (ProcessHandle handle : all) {
            if (now) {
                handle.destroyForcibly();
            } else {
                handle.destroy();
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (ProcessHandle handle : all) {
            while (handle.isAlive() && System.nanoTime() < deadline) {
                Signals.sleep(Duration.ofMillis(50));
            }
            handle.destroyForcibly();
        }
    }
}
