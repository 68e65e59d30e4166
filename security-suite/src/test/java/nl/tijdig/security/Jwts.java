package nl.tijdig.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/** Bad tokens made from good ones: re-signed with a key of our own, or with {@code alg: none}. */
final class Jwts {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    private Jwts() {
    }

    /** The same header (alg, kid) and claims, signed by a key the realm never had. */
    static String signedByAnotherKey(String token) {
        String[] parts = token.split("\\.");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return parts[0] + "." + parts[1] + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same claims under {@code {"alg":"none"}} and no signature. */
    static String unsigned(String token) {
        String[] parts = token.split("\\.");
        String header = URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    /** The claims of a token, as JSON text (for diagnostics). */
    static String claims(String token) {
        return new String(URL_DECODER.decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
