package uk.mathshubs.kit.paging;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list that version 1 of the API answered as one bare JSON array: a caller pinned to version 1 ({@code API-Version: 1})
 * still gets that array, the whole list, until the sunset ({@link ApiVersions}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ArrayInVersion1 {
}
