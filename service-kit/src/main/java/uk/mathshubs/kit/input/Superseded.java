package uk.mathshubs.kit.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A query parameter's or a header's former spelling, still taken until its sunset ({@code updated_since} for
 * {@code updatedSince}, {@code X-Application-Secret} for {@code Application-Secret}):
 * an answer to a request that used it says so with {@code Deprecation} (RFC 9745), {@code Sunset} (RFC 8594) and a
 * {@code Link} to the change log ({@link Deprecations}). Mark a parameter {@code @Parameter(deprecated = true)} too, and a
 * header {@code @Parameter(hidden = true)} (a header's new name is documented alone).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface Superseded {

    /** The parameter's name now. */
    String by();

    /** The day the former spelling was deprecated (ISO date, UTC). */
    String since();

    /** The day after which it may be refused (ISO date, UTC). */
    String sunset();
}
