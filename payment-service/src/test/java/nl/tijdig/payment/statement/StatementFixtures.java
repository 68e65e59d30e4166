package nl.tijdig.payment.statement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Our own statement fixtures, and the real ones in ../shared/samples (skipped, saying so, when absent). */
public final class StatementFixtures {

    private StatementFixtures() {
    }

    public static String text(String name) {
        try (InputStream in = StatementFixtures.class.getResourceAsStream("/statements/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path file(String content) {
        try {
            Path file = Files.createTempFile("statement-test-", ".dat");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real statements of a kind folder ("camt053", "mt940"); the test is skipped when absent. */
    public static List<Path> real(String folder) {
        Path dir = locate(folder);
        if (dir == null) {
            System.err.println("[tijdig] skipped: the real statements (../shared/samples/" + folder + ") are not on this machine");
        }
        Assumptions.assumeTrue(dir != null, "skipped: ../shared/samples/" + folder + " is not on this machine");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList(); // invalid/ holds the ones that must fail
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locate(String folder) {
        String configured = System.getProperty("tijdig.samples");
        if (configured != null) {
            Path dir = Path.of(configured, folder);
            return Files.isDirectory(dir) ? dir : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/samples/" + folder);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
