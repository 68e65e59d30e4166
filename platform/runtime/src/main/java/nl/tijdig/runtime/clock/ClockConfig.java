package nl.tijdig.runtime.clock;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's clock ({@code tijdig.clock.*}). */
@ConfigMapping(prefix = "tijdig.clock")
public interface ClockConfig {

    /** A clock tests and demos may move ({@code PUT /admin/clock}); false in production. */
    @WithDefault("false")
    boolean movable();

    /**
     * A file through which all services share one movable business clock (the demo profile): moving it in one
     * service moves it in all, seen within {@code shared-recheck}. Implies {@code movable}.
     */
    java.util.Optional<String> sharedFile();

    @WithDefault("PT0.2S")
    java.time.Duration sharedRecheck();
}
