package nl.tijdig.notification.config;

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

    /** Webhooks to the tenants' endpoints ({@code tijdig.notification.webhooks.*}). */
    Webhooks webhooks();

    /** How webhooks are delivered, retried and signed. */
    interface Webhooks {
        /** Off: deliveries are recorded but wait. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("PT0.5S")
        Duration poll();

        /** Deliveries claimed per transaction. */
        @WithDefault("50")
        int batch();

        /** Deliveries in flight to one endpoint at most, so that a slow endpoint holds back only itself. */
        @WithDefault("4")
        int perEndpoint();

        /** Deliveries in flight in all, per replica. */
        @WithDefault("64")
        int inFlight();

        /** How long a receiver may take to connect and answer. */
        @WithDefault("PT15S")
        Duration timeout();

        /** The waits after the 1st, 2nd, … failed attempt of a round; after the last, the delivery is dead-lettered. */
        @WithDefault("PT1M,PT5M,PT30M,PT2H,PT5H,PT10H,PT24H,PT24H")
        java.util.List<Duration> retrySchedule();

        /** Each wait varies by up to this fraction either way. */
        @WithDefault("0.2")
        double jitter();

        /** An endpoint that failed every attempt for this long is disabled (and the tenant told). */
        @WithDefault("P5D")
        Duration disableAfter();

        /** After a secret's rotation, deliveries are signed with the old secret too for this long. */
        @WithDefault("P1D")
        Duration rotationOverlap();

        /** Only https targets (production); dev and tests allow http. */
        @WithDefault("true")
        boolean requireHttps();

        /** Loopback targets (127.0.0.1, ::1): for tests and dev only, never in production. */
        @WithDefault("false")
        boolean allowLoopback();

        /**
         * Keys (base64 of 32 random bytes; the first seals) under which the subscriptions' signing secrets are
         * stored encrypted; production takes them from a Kubernetes secret. Required.
         */
        java.util.List<String> secretKeys();
    }
}
