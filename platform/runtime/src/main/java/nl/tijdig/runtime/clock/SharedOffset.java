package nl.tijdig.runtime.clock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * A movable clock's offset kept in a file that several services read ({@code tijdig.clock.shared-file}, for the demo):
 * moving one service's clock moves them all. The file holds an ISO-8601 duration ({@code PT1440H}); missing or empty,
 * the offset is zero. It is read again (a few bytes) at most every {@code recheck}; it is
 * written beside its name and moved into place, so a reader never sees half of it.
 */
final class SharedOffset {

    private final Path file;
    private final long recheckNanos;
    private volatile Duration offset = Duration.ZERO;
    private volatile long checkedAt;

    SharedOffset(Path file, Duration recheck) {
        this.file = file;
        this.recheckNanos = recheck.toNanos();
        this.checkedAt = System.nanoTime() - recheckNanos - 1;
    }

    Duration get() {
        long now = System.nanoTime();
        if (now - checkedAt > recheckNanos) {
            checkedAt = now;
            reload();
        }
        return offset;
    }

    synchronized void set(Duration next) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path partial = Files.createTempFile(parent, ".clock", ".partial");
            Files.writeString(partial, next.toString(), StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the shared clock " + file, e);
        }
        offset = next;
        checkedAt = System.nanoTime();
    }

    private synchronized void reload() {
        try {
            if (!Files.exists(file)) {
                offset = Duration.ZERO;
                return;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).trim(); // a few bytes
            offset = text.isEmpty() ? Duration.ZERO : Duration.parse(text);
        } catch (IOException | DateTimeParseException e) {
            // keep the offset read last: a clock does not fail
        }
    }
}
