package nl.tijdig.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The notification-service's settings ({@code tijdig.notification.*}). */
@ConfigMapping(prefix = "tijdig.notification")
public interface NotificationConfig {

    Sender sender();

    Email email();

    /** The sender: how often it looks for due communications and how many it takes at once. */
    interface Sender {
        /** Off: nothing is sent (communications wait). */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("PT0.5S")
        Duration poll();

        /** Communications claimed per transaction. */
        @WithDefault("20")
        int batch();

        /** The wait after a first failed attempt (and the lease of an attempt); it doubles, to at most an hour. */
        @WithDefault("PT30S")
        Duration firstRetry();
    }

    /** The SMS provider (the reference connector's API); without a base URL, SMS wait. */
    Provider sms();

    /** The print-and-post provider for letters and registered letters; without a base URL, letters wait. */
    Provider post();

    /** A provider reached over HTTP. */
    interface Provider {
        java.util.Optional<String> baseUrl();

        java.util.Optional<String> apiKey();

        @WithDefault("PT10S")
        Duration timeout();
    }

    /** Email: the From address and the domain of the Message-IDs. The SMTP server is {@code quarkus.mailer.*}. */
    interface Email {
        @WithDefault("Tijdig <noreply@tijdig.local>")
        String from();

        /** The right-hand side of every Message-ID ({@code <communication-id@domain>}). */
        @WithDefault("tijdig.local")
        String messageIdDomain();

        /** The envelope sender (Return-Path) of every email: where bounces (DSNs) go. */
        java.util.Optional<String> bounceAddress();
    }

    /** The bounce mailbox, read over IMAP; without a host, bounces are not read. */
    Bounces bounces();

    /** Where the bounce address's mail is read. */
    interface Bounces {
        java.util.Optional<String> host();

        @WithDefault("993")
        int port();

        /** {@code imaps} (TLS) or {@code imap}. */
        @WithDefault("imaps")
        String protocol();

        java.util.Optional<String> username();

        java.util.Optional<String> password();

        @WithDefault("PT1M")
        Duration poll();
    }
}
