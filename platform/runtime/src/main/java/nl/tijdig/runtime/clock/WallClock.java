package nl.tijdig.runtime.clock;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The machine's clock, for transport time only: the {@code webhook-timestamp} a receiver checks against its own
 * clock, the window in which a partner's signed callback is accepted (replay protection). It never moves with
 * the business clock (the unqualified {@link java.time.Clock}, which the operator and the demo may move): a
 * receiver in the real world refuses a signature dated days ahead.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface WallClock {
}
