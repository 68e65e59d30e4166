package nl.tijdig.collection.connectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import nl.tijdig.kernel.SecretBox;
import nl.tijdig.kernel.StandardWebhooks;

/** Partners' secrets: sealed under {@code tijdig.collection.secret-keys}; callback secrets drawn at random. */
@ApplicationScoped
public class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretBox box;

    @Inject
    public Secrets(CollectionConfig config) {
        this.box = new SecretBox(config.secretKeys());
    }

    /** A new callback secret, {@code whsec_…}. */
    public String draw() {
        byte[] random = new byte[StandardWebhooks.SECRET_BYTES];
        RANDOM.nextBytes(random);
        return StandardWebhooks.secret(random);
    }

    public byte[] seal(String secret) {
        return box.seal(secret.getBytes(StandardCharsets.UTF_8));
    }

    public String open(byte[] sealed) {
        return new String(box.open(sealed), StandardCharsets.UTF_8);
    }
}
