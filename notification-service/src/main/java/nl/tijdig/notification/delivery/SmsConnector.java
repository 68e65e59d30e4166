package nl.tijdig.notification.delivery;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.tijdig.events.Channel;
import nl.tijdig.notification.config.NotificationConfig;
import nl.tijdig.notification.store.Communications;

/**
 * The reference SMS connector: {@code POST <base-url>/messages}
 * {@code {"reference", "recipient", "body", "language"}} (bearer key, {@code Idempotency-Key} = the
 * communication id). Configured by {@code tijdig.notification.sms.base-url} and {@code .api-key}.
 */
@ApplicationScoped
public class SmsConnector implements ChannelConnector {

    @Inject
    NotificationConfig config;

    private HttpProvider provider;

    @PostConstruct
    void init() {
        provider = new HttpProvider("SMS provider", config.sms());
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean enabled() {
        return provider.configured();
    }

    @Override
    public void send(Communications.Claimed c, Communications.Rendered content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", c.providerMessageId());
        body.put("recipient", c.recipient());
        body.put("body", content.text());
        body.put("language", nl.tijdig.notification.domain.LetterModel.language(c.reminder()));
        provider.post("/messages", c.providerMessageId(), body);
    }
}
