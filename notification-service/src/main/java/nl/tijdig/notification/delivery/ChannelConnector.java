package nl.tijdig.notification.delivery;

import nl.tijdig.events.Channel;
import nl.tijdig.notification.store.Communications;

/**
 * Hands a rendered communication over on one channel. Called outside any transaction; must be safe to
 * call again for the same communication (the provider message id is the same on every attempt, so the
 * provider can dedupe and a duplicate is recognisable).
 */
public interface ChannelConnector {

    Channel channel();

    /** Whether it is configured; communications on a channel without a connector wait (PREPARED). */
    default boolean enabled() {
        return true;
    }

    /** Hands it over, or throws {@link DeliveryFailed}. */
    void send(Communications.Claimed communication, Communications.Rendered content);

    /** The channel refused or did not answer. {@code permanent}: trying again cannot help. */
    class DeliveryFailed extends RuntimeException {
        private final boolean permanent;

        public DeliveryFailed(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
