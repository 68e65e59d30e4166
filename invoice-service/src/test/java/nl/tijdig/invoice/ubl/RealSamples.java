package nl.tijdig.invoice.ubl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real UBL documents in {@code ../shared/samples/ubl} (public test suites; not copied into the
 * project). Where that folder is absent, the tests that use them are skipped, saying so.
 */
final class RealSamples {

    static final Path FOLDER = locate();

    private RealSamples() {
    }

    /** The documents that should pass ({@code ubl/*.xml}), skipping the test when the folder is absent. */
    static List<Path> valid() {
        return list(FOLDER);
    }

    /** The documents that must fail ({@code ubl/invalid/*.xml}). */
    static List<Path> invalid() {
        return list(FOLDER == null ? null : FOLDER.resolve("invalid"));
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            System.err.println("[tijdig] skipped: the real UBL samples (../shared/samples/ubl) are not on this machine");
        }
        Assumptions.assumeTrue(folder != null && Files.isDirectory(folder),
                "skipped: the real UBL samples (../shared/samples/ubl) are not on this machine");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locate() {
        String configured = System.getProperty("tijdig.samples");
        if (configured != null) {
            return Path.of(configured, "ubl");
        }
        // from the module folder (Surefire's working directory): ../../shared/samples next to the checkout
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/samples/ubl");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
