package nl.tijdig.notification.delivery;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.tijdig.events.Channel;
import nl.tijdig.notification.config.NotificationConfig;
import nl.tijdig.notification.domain.LetterModel;
import nl.tijdig.notification.store.Communications;

/**
 * The reference print-and-post connector, for letters and registered letters: {@code POST <base-url>/letters}
 * {@code {"reference", "registered", "recipient": {"name", "addressLines", "countryCode"}, "pdf"}} (the
 * letter as base64; bearer key; {@code Idempotency-Key} = the communication id). Configured by
 * {@code tijdig.notification.post.base-url} and {@code .api-key}.
 */
public abstract class PostConnector implements ChannelConnector {

    @Inject
    NotificationConfig config;

    private HttpProvider provider;

    @PostConstruct
    void init() {
        provider = new HttpProvider("post provider", config.post());
    }

    @Override
    public boolean enabled() {
        return provider.configured();
    }

    @Override
    public void send(Communications.Claimed c, Communications.Rendered content) {
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("name", c.reminder().debtor().name());
        recipient.put("addressLines", LetterModel.addressLines(c.reminder().debtor().address()));
        recipient.put("countryCode", c.reminder().debtor().address() == null ? null : c.reminder().debtor().address().countryCode());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", c.providerMessageId());
        body.put("registered", channel() == Channel.REGISTERED_LETTER);
        body.put("recipient", recipient);
        body.put("pdf", Base64.getEncoder().encodeToString(content.pdf()));
        provider.post("/letters", c.providerMessageId(), body);
    }

    /** Letters by ordinary post. */
    @ApplicationScoped
    public static class Letter extends PostConnector {
        @Override
        public Channel channel() {
            return Channel.LETTER;
        }
    }

    /** Registered letters (aangetekend). */
    @ApplicationScoped
    public static class Registered extends PostConnector {
        @Override
        public Channel channel() {
            return Channel.REGISTERED_LETTER;
        }
    }

}
