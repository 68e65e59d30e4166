package nl.tijdig.runtime.clock;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's clock ({@code tijdig.clock.*}). */
@ConfigMapping(prefix = "tijdig.clock")
public interface ClockConfig {

    /** A clock tests and demos may move ({@code PUT /admin/clock}); false in production. */
    @WithDefault("false")
    boolean movable();
}
