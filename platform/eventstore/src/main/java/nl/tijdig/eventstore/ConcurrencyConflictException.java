package nl.tijdig.eventstore;

import java.util.UUID;

/**
 * An append expected a stream at a version it no longer (or never) had: someone else appended first.
 * Reload the stream, decide again, and retry; or tell the caller (HTTP 409).
 */
public class ConcurrencyConflictException extends RuntimeException {

    private final UUID streamId;
    private final long expectedVersion;
    private final long actualVersion;

    public ConcurrencyConflictException(UUID streamId, long expectedVersion, long actualVersion) {
        super("stream " + streamId + " is at version " + (actualVersion < 0 ? "(none)" : actualVersion)
                + ", not at the expected version " + expectedVersion);
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public UUID streamId() {
        return streamId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    /** The stream's version now, or -1 when it does not exist (for this tenant). */
    public long actualVersion() {
        return actualVersion;
    }
}
