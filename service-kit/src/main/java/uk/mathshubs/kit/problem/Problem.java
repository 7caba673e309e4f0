package uk.mathshubs.kit.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code errors} names each offending field, so that a hub website can put
 * the message beside the right input.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A type URI per kind of problem; {@code about:blank} when the HTTP status says it all. */
    public static URI type(String slug) {
        return URI.create("https://api.mathshubs.uk/problems/" + slug);
    }

    public record FieldError(String field, String message) {
    }
}
