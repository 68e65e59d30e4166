package nl.tijdig.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The programs the checks run: found on the PATH, with a clear message when one is missing. */
final class Tools {

    record Result(int exit, String out, String err) {
    }

    private Tools() {
    }

    static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * A program the checks need. Where it is missing, the checks that need it fail in CI (.ci/run sets
     * {@code TIJDIG_REQUIRE_DEPLOY_CHECKS=1} and installs it) and are skipped, loudly, elsewhere: the test command
     * needs only a JDK.
     */
    static Path require(String program, String hint) {
        Optional<Path> found = onPath(program);
        if (found.isPresent()) {
            return found.get();
        }
        String message = "deploy/ checks need " + program + " on the PATH: " + hint;
        if ("1".equals(System.getenv("TIJDIG_REQUIRE_DEPLOY_CHECKS"))) {
            throw new IllegalStateException(message);
        }
        System.err.println("WARNING: " + message + "; skipped here (CI runs them)");
        org.junit.jupiter.api.Assumptions.abort(message);
        throw new IllegalStateException(message); // not reached
    }

    /** Runs a command to its end (at most {@code timeoutSeconds}), output and error kept. */
    static Result run(Path workDir, long timeoutSeconds, List<String> command) {
        try {
            Path out = Files.createTempFile("tijdig-deploy", ".out");
            Path err = Files.createTempFile("tijdig-deploy", ".err");
            try {
                Process process = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " took more than " + timeoutSeconds + " s");
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path deployDir() {
        return Path.of(System.getProperty("tijdig.deploy.dir", ".")).toAbsolutePath().normalize();
    }

    static Path workDir() {
        return Path.of(System.getProperty("tijdig.work.dir", "target")).toAbsolutePath().normalize();
    }
}
