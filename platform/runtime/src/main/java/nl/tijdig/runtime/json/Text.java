package nl.tijdig.runtime.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The limits of a text field of a request, where they differ from the default of {@link Limits#TEXT}
 * characters on one line. A request whose text is longer, or holds a control character (NUL included;
 * a line break only where {@link #lines()} allows it), is refused with 400 naming the field.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Text {

    /** The most characters (UTF-16 code units) the field may hold. */
    int max();

    /** Whether line breaks (and tabs) are allowed: notes, letter texts. */
    boolean lines() default false;
}
