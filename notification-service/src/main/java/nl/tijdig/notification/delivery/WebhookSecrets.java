package nl.tijdig.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import nl.tijdig.kernel.StandardWebhooks;
import nl.tijdig.kernel.SecretBox;

/**
 * The subscriptions' signing secrets: drawn at random, shown once, stored sealed under the configured keys
 * ({@code tijdig.notification.webhooks.secret-keys}).
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretBox box;

    @Inject
    public WebhookSecrets(NotificationConfig config) {
        this.box = new SecretBox(config.webhooks().secretKeys());
    }

    /** A new secret, {@code whsec_…}. */
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
