package nl.tijdig.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A bounce read from a delivery status notification (RFC 3464): the Message-ID of the email that bounced
 * (from the returned headers), and per recipient the action, status and diagnostic. Only a failure counts
 * ({@code Action: failed}); a delay ({@code delayed}) or a relay note is not a bounce.
 */
public record Bounce(String messageId, String recipient, String status, String diagnostic) {

    /** Whether the status is a permanent failure (5.x.x). */
    public boolean permanent() {
        return status != null && status.startsWith("5");
    }

    /** What the NotificationFailed says. */
    public String reason() {
        return "bounced: " + (status == null ? "" : status + " ") + (diagnostic == null ? "" : diagnostic)
                + (recipient == null ? "" : " (" + recipient + ")");
    }

    /**
     * The bounce in a DSN: its {@code message/delivery-status} part and the returned headers
     * ({@code text/rfc822-headers} or the headers of a returned {@code message/rfc822}); empty when it is
     * not a failure or does not say which email it was about.
     */
    public static Optional<Bounce> parse(String deliveryStatus, String returnedHeaders) {
        String messageId = header(unfold(returnedHeaders), "message-id");
        if (messageId == null || deliveryStatus == null) {
            return Optional.empty();
        }
        for (List<String> fields : recipientBlocks(unfold(deliveryStatus))) {
            String action = field(fields, "action");
            if (action != null && action.toLowerCase(Locale.ROOT).startsWith("failed")) {
                String recipient = field(fields, "final-recipient");
                if (recipient != null && recipient.contains(";")) {
                    recipient = recipient.substring(recipient.indexOf(';') + 1).strip();
                }
                String diagnostic = field(fields, "diagnostic-code");
                if (diagnostic != null && diagnostic.contains(";")) {
                    diagnostic = diagnostic.substring(diagnostic.indexOf(';') + 1).strip();
                }
                return Optional.of(new Bounce(messageId.strip(), recipient, field(fields, "status"), diagnostic));
            }
        }
        return Optional.empty();
    }

    /** The per-message block and the per-recipient blocks, separated by blank lines. */
    private static List<List<String>> recipientBlocks(String text) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    private static String field(List<String> lines, String name) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    private static String header(String headers, String name) {
        if (headers == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (String line : headers.split("\r?\n")) {
            if (line.isBlank()) {
                break;
            }
            lines.add(line);
        }
        return field(lines, name);
    }

    /** Joins folded header lines (a line starting with white space continues the previous one). */
    private static String unfold(String text) {
        return text == null ? null : text.replaceAll("\r?\n[ \t]+", " ");
    }
}
