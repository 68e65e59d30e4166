package nl.tijdig.runtime.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The limits of a decimal field of a request, where they differ from the default (an amount of money:
 * {@link Limits#AMOUNT_SCALE} decimals, at most {@link Limits#AMOUNT_MAX} either way). A value with more
 * decimals, or beyond the bounds, is refused with 400 naming the field before any rule runs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Decimal {

    /** The most decimals. */
    int scale();

    /** The smallest value, as a decimal string. */
    String min() default "-1000000000000";

    /** The largest value, as a decimal string. */
    String max() default "1000000000000";
}
