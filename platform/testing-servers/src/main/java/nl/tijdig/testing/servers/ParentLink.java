package nl.tijdig.testing.servers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The child's side of a {@link ChildJvm}: reads commands from standard input. {@code stop} ends the
 * server gracefully; the end of input means the parent is gone (or gave up on us), and the server is
 * ended at once. Either way this JVM halts, so nothing outlives the test JVM that started it.
 */
public final class ParentLink {

    public static final String READY = "TIJDIG-READY";
    public static final String STOP = "stop";

    private ParentLink() {
    }

    /** Prints the ready line: {@code TIJDIG-READY key=value ...}. */
    public static void ready(String details) {
        System.out.println(READY + " " + details);
        System.out.flush();
    }

    /** Blocks on standard input until {@code stop} or its end; never returns. */
    public static void serve(Runnable gracefulStop, Runnable immediateStop) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (STOP.equals(line.trim())) {
                    run(gracefulStop, "graceful stop");
                    Runtime.getRuntime().halt(0);
                }
            }
        } catch (IOException e) {
            // the pipe broke: same as its end
        }
        System.out.println("parent gone: stopping at once");
        run(immediateStop, "immediate stop");
        Runtime.getRuntime().halt(0);
    }

    private static void run(Runnable action, String what) {
        try {
            action.run();
        } catch (RuntimeException e) {
            System.out.println(what + " failed: " + e);
            e.printStackTrace(System.out);
        }
        System.out.flush();
    }
}
