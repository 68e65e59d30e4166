package nl.tijdig.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.tijdig.kernel.SecretBox;
import nl.tijdig.kernel.StandardWebhooks;
import nl.tijdig.notification.config.NotificationConfig;

/**
 * The subscriptions' signing secrets: drawn at random, shown once, stored sealed under the configured keys
 * ({@code tijdig.notification.webhooks.secret-keys}).
 */
@ApplicationScoped
public class WebhookSecrets {

    private final SecretBox box;

    @Inject
    public WebhookSecrets(NotificationConfig config) {
        this.box = new SecretBox(config.webhooks().secretKeys());
    }

    /** A new secret, {@code whsec_…}. */
    public String draw() {
        return StandardWebhooks.newSecret();
    }

    public byte[] seal(String secret) {
        return box.sealText(secret);
    }

    public String open(byte[] sealed) {
        return box.openText(sealed);
    }
}
