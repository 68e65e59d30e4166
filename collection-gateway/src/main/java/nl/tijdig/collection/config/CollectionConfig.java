package nl.tijdig.collection.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The collection-gateway's settings ({@code tijdig.collection.*}). */
@ConfigMapping(prefix = "tijdig.collection")
public interface CollectionConfig {

    /**
     * Keys (base64 of 32 random bytes; the first seals) under which partners' API keys and callback secrets are
     * stored encrypted; production takes them from a Kubernetes secret. Required.
     */
    List<String> secretKeys();

    HandOver handOver();

    Callbacks callbacks();

    Partners partners();

    Files files();

    CircuitBreaker circuitBreaker();

    /** How cases are handed over to the agencies. */
    interface HandOver {
        /** Off: hand-overs wait. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("PT1S")
        Duration poll();

        @WithDefault("20")
        int batch();

        /** How long an agency may take to connect and answer. */
        @WithDefault("PT15S")
        Duration timeout();

        /** The wait after the first failed attempt; it doubles, to at most an hour. */
        @WithDefault("PT30S")
        Duration firstRetry();

        /** Attempts before the hand-over is given up (HAND_OVER_FAILED). */
        @WithDefault("8")
        int maxAttempts();
    }

    /** How partners' callbacks are verified. */
    interface Callbacks {
        /** A callback's timestamp may be this far from the gateway's clock, no more (replays are refused). */
        @WithDefault("PT5M")
        Duration tolerance();

        /** After a rotation, the previous callback secret still verifies this long, so the partner can switch over. */
        @WithDefault("P1D")
        Duration rotationOverlap();
    }

    /** Where partners' APIs may be. */
    interface Partners {
        /** Only https (production); dev and tests allow http. */
        @WithDefault("true")
        boolean requireHttps();

        /** Loopback addresses: for tests and dev only. */
        @WithDefault("false")
        boolean allowLoopback();
    }

    /** The batch-file agencies' folders: {@code <root>/<partner id>/out} (case files) and {@code /in} (status files). */
    interface Files {
        /** Off: no case files are written and no status files read. */
        @WithDefault("true")
        boolean enabled();

        /** Where the partners' folders are (a volume the agencies' file transfer reaches). */
        @WithDefault("data/collection-files")
        String root();

        /** When the day's case file is written (Europe/Amsterdam), with the cases opened since the last one. */
        @WithDefault("06:00")
        java.time.LocalTime exportAt();

        /** How often the folders are looked at. */
        @WithDefault("PT1M")
        Duration poll();

        /** A status file left in {@code in/processing} this long (its importer died) is imported again. */
        @WithDefault("PT15M")
        Duration abandonedAfter();
    }

    /** A partner that keeps failing is left alone for a while (per instance). */
    interface CircuitBreaker {
        /** Failed calls in a row (worth trying again) that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit lets no call through before one is tried. */
        @WithDefault("PT1M")
        Duration openFor();
    }
}
