package nl.tijdig.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Validation against published schemas, not ours: {@code src/test/validation/validate.mjs} with the npm model
 * packages pinned in its package-lock.json — kubernetes-models (generated from the Kubernetes OpenAPI document) and
 * the Strimzi, CloudNativePG and Prometheus Operator packages (generated from those operators' CRDs). Installed
 * into target/validation with {@code npm ci} on the first use.
 */
final class Schemas {

    /** One resource's verdict. */
    record Verdict(int index, String apiVersion, String kind, String name, String result, List<String> errors) {

        String describe() {
            return kind + " " + name + " (" + apiVersion + ")";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "validate.mjs");
    private static Path installed;

    private Schemas() {
    }

    static List<Verdict> validate(List<JsonNode> resources) {
        Path dir = install();
        try {
            Path input = Files.createTempFile(dir, "resources", ".json");
            try {
                JSON.writeValue(input.toFile(), resources);
                Tools.Result result = Tools.run(dir, 300, List.of(node().toString(), "validate.mjs", input.toString()));
                if (result.exit() != 0) {
                    throw new IllegalStateException("validate.mjs failed:\n" + result.err());
                }
                List<Verdict> verdicts = new ArrayList<>();
                for (String line : result.out().split("\n")) {
                    if (!line.isBlank()) {
                        JsonNode v = JSON.readTree(line);
                        List<String> errors = new ArrayList<>();
                        v.path("errors").forEach(e -> errors.add(e.asText()));
                        verdicts.add(new Verdict(v.path("index").asInt(), v.path("apiVersion").asText(), v.path("kind").asText(),
                                v.path("name").asText(), v.path("result").asText(), errors));
                    }
                }
                return verdicts;
            } finally {
                Files.deleteIfExists(input);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** target/validation with its node_modules installed (npm ci on the first use). */
    static synchronized Path install() {
        if (installed != null) {
            return installed;
        }
        Path source = Tools.deployDir().resolve("src/test/validation");
        Path dir = Tools.workDir().resolve("validation");
        try {
            Files.createDirectories(dir);
            boolean changed = false;
            for (String file : FILES) {
                Path target = dir.resolve(file);
                if (!Files.exists(target) || Files.mismatch(source.resolve(file), target) != -1) {
                    Files.copy(source.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
                    changed = true;
                }
            }
            if (changed || !Files.isDirectory(dir.resolve("node_modules"))) {
                Path npm = Tools.require("npm", "Node.js 18+ with npm validates the manifests (Debian: apt-get install nodejs npm)");
                Tools.Result result = Tools.run(dir, 600, List.of(npm.toString(), "ci", "--no-audit", "--no-fund"));
                if (result.exit() != 0) {
                    Files.deleteIfExists(dir.resolve("package-lock.json")); // so that the next run tries again
                    throw new IllegalStateException("npm ci in " + dir + " failed:\n" + result.out() + result.err());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        installed = dir;
        return dir;
    }

    private static Path node() {
        return Tools.require("node", "Node.js 18+ validates the manifests (Debian: apt-get install nodejs npm)");
    }
}
