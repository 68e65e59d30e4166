package nl.tijdig.notification.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's verification, written from the Standard Webhooks specification (standardwebhooks.com,
 * "Verifying webhook authenticity") and not from Tijdig's signer: the signed content is
 * {@code webhook-id + "." + webhook-timestamp + "." + body}; the key is the base64 after {@code whsec_}; the
 * header holds space-delimited {@code v1,<base64 HMAC-SHA256>} signatures, any of which may match (compared in
 * constant time); the timestamp must be within the tolerance of the receiver's clock.
 */
public final class StandardWebhooksVerifier {

    private final byte[] key;
    private final Duration tolerance;

    public StandardWebhooksVerifier(String secret, Duration tolerance) {
        String base64 = secret.substring(secret.indexOf('_') + 1);
        this.key = Base64.getDecoder().decode(base64);
        this.tolerance = tolerance;
    }

    public StandardWebhooksVerifier(String secret) {
        this(secret, Duration.ofMinutes(5));
    }

    /** Whether the request (lower-case header names) is authentic at the receiver's time {@code now}. */
    public boolean verify(Map<String, String> headers, String body, Instant now) {
        String id = headers.get("webhook-id");
        String timestamp = headers.get("webhook-timestamp");
        String signatures = headers.get("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - sent) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            expected = hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (String versioned : signatures.split(" ")) {
            String[] parts = versioned.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")) {
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(parts[1]);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) {
                    return true;
                }
            }
        }
        return false;
    }
}
