package nl.tijdig.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Delivery semantics, as pure rules: at least once, never knowingly twice. A communication's id is derived
 * from the ReminderDue's id and the channel, so a redelivered ReminderDue finds the communication it already
 * made; the email's Message-ID is derived from that id and recorded before the first attempt, so a retry
 * after a crash between sending and recording carries the same Message-ID (and a duplicate is recognisable).
 * Failed attempts are retried with back-off, up to {@link #MAX_ATTEMPTS}.
 */
public final class Delivery {

    /** Attempts before a communication counts as failed. */
    public static final int MAX_ATTEMPTS = 8;

    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LAST_RETRY = Duration.ofHours(1);

    private Delivery() {
    }

    /** The communication of a reminder on a channel: the same for every redelivery of the reminder. */
    public static UUID communicationId(UUID reminderId, String channel) {
        return UUID.nameUUIDFromBytes(("tijdig:communication:" + reminderId + ":" + channel).getBytes(StandardCharsets.UTF_8));
    }

    /** The email's Message-ID (RFC 5322): the same on every attempt. */
    public static String messageId(UUID communicationId, String domain) {
        return "<" + communicationId + "@" + domain + ">";
    }

    /**
     * How long after attempt {@code attempt} (1, 2, …) the next may start: 30 s, doubling, at most an hour. It
     * is also the lease an attempt holds: a sender that died mid-attempt is retried after it.
     */
    public static Duration backoff(int attempt) {
        return backoff(attempt, FIRST_RETRY);
    }

    /** The same, starting from {@code firstRetry} instead of 30 s (configurable for tests and demos). */
    public static Duration backoff(int attempt, Duration firstRetry) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more, was " + attempt);
        }
        Duration wait = firstRetry.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait;
    }

    /** What comes after a failed attempt. */
    public enum AfterFailure {
        /** Tried again after {@link #backoff(int)}. */
        RETRY,
        /** Given up: NotificationFailed. */
        GIVE_UP
    }

    /**
     * After attempt {@code attempt} failed: a permanent failure (an address that does not exist, a 5xx SMTP
     * reply) is not tried again; a passing one is, until {@link #MAX_ATTEMPTS} attempts were made.
     */
    public static AfterFailure afterFailure(int attempt, boolean permanent) {
        return permanent || attempt >= MAX_ATTEMPTS ? AfterFailure.GIVE_UP : AfterFailure.RETRY;
    }

    /** SHA-256 of what was sent (hex), for the communication log: evidence of the content. */
    public static String contentHash(String subject, String text, byte[] pdf) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(subject.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(pdf);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
