package nl.tijdig.runtime.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on the REST API of a service ({@code tijdig.api.*}). */
@ConfigMapping(prefix = "tijdig.api")
public interface ApiLimitsConfig {

    /** The largest request body in bytes; more is a 413 problem (a UBL document of 2,000 lines fits). */
    @WithDefault("2097152")
    long maxBodyBytes();

    RateLimit rateLimit();

    /** Paths (prefixes) that take large files, such as bank statements, and their own limit. */
    LargeBodies largeBodies();

    interface LargeBodies {
        /** e.g. {@code /bank-statements}; none by default. */
        java.util.Optional<java.util.List<String>> paths();

        /** The largest body on those paths (512 MiB: a statement of several hundred thousand entries). */
        @WithDefault("536870912")
        long maxBytes();
    }

    /** Requests per tenant: a token bucket per tenant and replica. */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per second per tenant. */
        @WithDefault("50")
        int perSecond();

        /** Requests a tenant may make at once above the sustained rate. */
        @WithDefault("200")
        int burst();
    }
}
