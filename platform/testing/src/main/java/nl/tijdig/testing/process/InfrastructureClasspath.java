package nl.tijdig.testing.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import nl.tijdig.testing.servers.ParentLink;

/**
 * The classpath of the child processes: the tijdig-testing-servers jar and its libraries (Kafka,
 * embedded PostgreSQL), which its build lists in {@code tijdig-infrastructure.classpath}. Only that
 * jar is on a test's own classpath, without its libraries: the servers never mix with the code under
 * test.
 */
public final class InfrastructureClasspath {

    private static final String FILE = "tijdig-infrastructure.classpath";

    private InfrastructureClasspath() {
    }

    public static String get() {
        Path servers = serversLocation();
        return servers + File.pathSeparator + read(servers).trim();
    }

    /** Reads the file from the servers' jar (or classes folder) itself, never from another one. */
    private static String read(Path servers) {
        try {
            if (Files.isDirectory(servers)) {
                return Files.readString(servers.resolve(FILE));
            }
            try (JarFile jar = new JarFile(servers.toFile())) {
                ZipEntry entry = jar.getEntry(FILE);
                if (entry == null) {
                    throw new IllegalStateException(FILE + " is missing in " + servers);
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE + " of " + servers
                    + " (build platform/testing-servers with Maven)", e);
        }
    }

    private static Path serversLocation() {
        try {
            return Path.of(ParentLink.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
