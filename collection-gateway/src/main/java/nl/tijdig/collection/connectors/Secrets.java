package nl.tijdig.collection.connectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.tijdig.collection.config.CollectionConfig;
import nl.tijdig.kernel.SecretBox;
import nl.tijdig.kernel.StandardWebhooks;

/** Partners' secrets: sealed under {@code tijdig.collection.secret-keys}; callback secrets drawn at random. */
@ApplicationScoped
public class Secrets {

    private final SecretBox box;

    @Inject
    public Secrets(CollectionConfig config) {
        this.box = new SecretBox(config.secretKeys());
    }

    /** A new callback secret, {@code whsec_…}. */
    public String draw() {
        return StandardWebhooks.newSecret();
    }

    public byte[] seal(String secret) {
        return box.sealText(secret);
    }

    public String open(byte[] sealed) {
        return box.openText(sealed);
    }

    /** How a connector reaches the partner: its base URL and its API key, opened. */
    public AgencyConnector.Connection connection(nl.tijdig.collection.store.Partners.Connection partner) {
        return new AgencyConnector.Connection(partner.partner().partnerId(), partner.partner().name(), partner.baseUrl(),
                partner.apiKey() == null ? null : open(partner.apiKey()));
    }
}
