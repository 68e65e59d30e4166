package nl.tijdig.kernel;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets a service must read back (webhook signing secrets, partner credentials) stored encrypted:
 * AES-256-GCM under a key from configuration (a Kubernetes secret in production). A sealed value is
 * {@code key id (4 bytes) ‖ nonce (12) ‖ ciphertext+tag}; the key id (the first bytes of the key's SHA-256)
 * says which key opens it, so keys rotate: put the new key first (it seals from then on) and keep the old
 * one behind it until every value was sealed again.
 */
public final class SecretBox {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Key(byte[] id, SecretKeySpec spec) {
    }

    private final List<Key> keys;

    /** @param keys base64 AES-256 keys (32 bytes each), the first seals */
    public SecretBox(List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("at least one key is needed");
        }
        List<Key> parsed = new ArrayList<>();
        for (String key : keys) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(key.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a secret key is not base64");
            }
            if (raw.length != 32) {
                throw new IllegalArgumentException("a secret key must be 32 bytes (base64 of 32 random bytes), was " + raw.length);
            }
            parsed.add(new Key(Arrays.copyOf(sha256(raw), 4), new SecretKeySpec(raw, "AES")));
        }
        this.keys = List.copyOf(parsed);
    }

    /** A new random key, base64: what an operator puts in the secret ({@code openssl rand -base64 32} does the same). */
    public static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public byte[] seal(byte[] plain) {
        Key key = keys.get(0);
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(key.id());
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(4 + NONCE + sealed.length).put(key.id()).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal: " + e.getMessage(), e);
        }
    }

    /**
     * @throws IllegalArgumentException when no configured key opens the value, or it was changed
     */
    public byte[] open(byte[] sealed) {
        if (sealed == null || sealed.length < 4 + NONCE + TAG_BITS / 8) {
            throw new IllegalArgumentException("not a sealed value");
        }
        byte[] id = Arrays.copyOf(sealed, 4);
        Key key = keys.stream().filter(k -> Arrays.equals(k.id(), id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("sealed with a key that is not configured (any more)"));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, sealed, 4, NONCE));
            cipher.updateAAD(id);
            return cipher.doFinal(sealed, 4 + NONCE, sealed.length - 4 - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the sealed value was changed or the key is wrong", e);
        }
    }

    /** Seals a text secret (UTF-8). */
    public byte[] sealText(String secret) {
        return seal(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Opens a sealed text secret. */
    public String openText(byte[] sealed) {
        return new String(open(sealed), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether a value was sealed with an older key (and should be sealed again). */
    public boolean sealedWithOldKey(byte[] sealed) {
        return !Arrays.equals(Arrays.copyOf(sealed, 4), keys.get(0).id());
    }

    private static byte[] sha256(byte[] raw) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
