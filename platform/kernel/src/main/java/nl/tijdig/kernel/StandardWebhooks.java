package nl.tijdig.kernel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures of the Standard Webhooks specification (standardwebhooks.com): a secret {@code whsec_<base64 of
 * 24 random bytes>}; the signed content {@code <webhook-id>.<webhook-timestamp>.<body>}; the signature
 * {@code v1,<base64 of HMAC-SHA256 under the secret's bytes>}; several signatures (during a secret's rotation)
 * space-separated in one {@code webhook-signature} header. Tijdig signs its webhooks so, and verifies so what
 * partners send it (collection callbacks).
 */
public final class StandardWebhooks {

    public static final String SECRET_PREFIX = "whsec_";
    public static final int SECRET_BYTES = 24;

    private StandardWebhooks() {
    }

    /** A secret from random bytes (the service draws them from a SecureRandom). */
    public static String secret(byte[] random) {
        if (random.length < SECRET_BYTES || random.length > 64) {
            throw new IllegalArgumentException("a secret has 24 to 64 random bytes");
        }
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(random);
    }

    /** A new secret from a secure random source. */
    public static String newSecret() {
        byte[] random = new byte[SECRET_BYTES];
        new java.security.SecureRandom().nextBytes(random);
        return secret(random);
    }

    /** The key bytes of a secret (the base64 after the prefix). */
    static byte[] key(String secret) {
        Objects.requireNonNull(secret, "secret");
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }

    /** One signature, {@code v1,<base64>}. */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a message is authentic: one of the header's {@code v1} signatures is the signature under one of the
     * secrets (compared in constant time), and the timestamp is within {@code tolerance} of {@code now} (older or
     * newer messages are refused, so a captured one cannot be replayed later).
     */
    public static boolean verify(List<String> secrets, String id, String timestamp, String signatureHeader, byte[] body,
            java.time.Instant now, java.time.Duration tolerance) {
        if (id == null || id.isBlank() || timestamp == null || signatureHeader == null || secrets.isEmpty()) {
            return false;
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - sent) > tolerance.toSeconds()) {
            return false;
        }
        for (String secret : secrets) {
            byte[] expected = sign(secret, id, sent, body).substring(3).getBytes(StandardCharsets.US_ASCII);
            for (String given : signatureHeader.trim().split(" +")) {
                if (given.startsWith("v1,") && java.security.MessageDigest.isEqual(expected,
                        given.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The {@code webhook-signature} header: one signature per secret in use, the newest first. */
    public static String header(List<String> secrets, String id, long timestamp, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("no secret to sign with");
        }
        return secrets.stream().map(s -> sign(s, id, timestamp, body)).collect(Collectors.joining(" "));
    }
}
