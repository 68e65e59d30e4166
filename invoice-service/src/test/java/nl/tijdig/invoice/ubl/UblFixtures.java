package nl.tijdig.invoice.ubl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** UBL documents for tests in other packages: our own fixtures and the real samples. */
public final class UblFixtures {

    private UblFixtures() {
    }

    /** A fixture of ours from {@code src/test/resources/ubl}. */
    public static String text(String name) {
        try (InputStream in = UblFixtures.class.getResourceAsStream("/ubl/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real valid samples; skips the calling test when they are absent. */
    public static List<Path> realSamples() {
        return RealSamples.valid();
    }

    /** The real invalid samples; skips the calling test when they are absent. */
    public static List<Path> realInvalidSamples() {
        return RealSamples.invalid();
    }

    public static byte[] bytes(Path file) {
        return RealSamples.bytes(file);
    }
}
