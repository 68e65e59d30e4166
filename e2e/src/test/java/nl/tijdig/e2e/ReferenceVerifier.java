package nl.tijdig.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Webhook deliveries checked by the Standard Webhooks reference library — npm {@code standardwebhooks}, pinned in
 * {@code src/test/webhooks/package-lock.json}, run by Node.js as a receiver would run it: the signature under the
 * secret, and the timestamp within five minutes of this machine's clock. Code we did not write, on the real clock.
 * Installed into {@code target/webhook-verifier} with {@code npm ci} on the first use. Without Node.js it says so
 * and checks nothing, except in CI ({@code TIJDIG_REQUIRE_DEPLOY_CHECKS=1}, which installs Node.js), where that fails.
 */
final class ReferenceVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCE = Path.of("src/test/webhooks");
    private static final Path DIR = Path.of("target/webhook-verifier");

    private ReferenceVerifier() {
    }

    /** Per webhook id, empty when the reference library verified it, else its reason; empty without Node.js. */
    static Optional<Map<String, String>> verify(String secret, List<WebhookReceiver.Delivery> deliveries) throws Exception {
        Optional<Path> node = program("node");
        Optional<Path> npm = program("npm");
        if (node.isEmpty() || npm.isEmpty()) {
            String message = "the Standard Webhooks reference verifier needs Node.js and npm on the PATH (Debian: apt-get install nodejs npm)";
            if ("1".equals(System.getenv("TIJDIG_REQUIRE_DEPLOY_CHECKS"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("WARNING: " + message + "; not checked here (CI checks it)");
            return Optional.empty();
        }
        install(npm.get());
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("secret", secret);
        input.put("deliveries", deliveries.stream().map(d -> Map.of("id", d.webhookId(), "timestamp", d.timestamp(),
                "signature", d.signature(), "body", d.body())).toList());
        Path file = Files.createTempFile(DIR.toAbsolutePath(), "deliveries", ".json");
        try {
            JSON.writeValue(file.toFile(), input);
            String out = run(List.of(node.get().toString(), "verify.mjs", file.toString()), 60);
            Map<String, String> verdicts = new LinkedHashMap<>();
            for (String line : out.split("\n")) {
                if (line.startsWith("{")) { // a warning Node.js prints is not a verdict
                    JsonNode verdict = JSON.readTree(line);
                    verdicts.put(verdict.path("id").asText(), verdict.path("verified").asBoolean() ? ""
                            : verdict.path("error").asText("not verified"));
                }
            }
            return Optional.of(verdicts);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static synchronized void install(Path npm) throws Exception {
        Files.createDirectories(DIR);
        boolean changed = false;
        for (String name : List.of("package.json", "package-lock.json", "verify.mjs")) {
            Path target = DIR.resolve(name);
            if (!Files.exists(target) || Files.mismatch(SOURCE.resolve(name), target) != -1) {
                Files.copy(SOURCE.resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
                changed = true;
            }
        }
        if (changed || !Files.isDirectory(DIR.resolve("node_modules"))) {
            run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund"), 300);
        }
    }

    /** Runs a program in {@link #DIR}; its standard output, or a failure with what it printed. */
    private static String run(List<String> command, long seconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("tijdig-webhook-verifier", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectOutput(log.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
            String printed = Files.readString(log, StandardCharsets.UTF_8);
            if (!ended || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + (ended ? " failed" : " did not end") + ":\n" + printed);
            }
            return printed;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Optional<Path> program(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isBlank() ? "." : dir, name);
            if (!dir.isBlank() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
