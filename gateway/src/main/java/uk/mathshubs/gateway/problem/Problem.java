package uk.mathshubs.gateway.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the same shape as the services' (service-kit's {@code Problem}), so a client
 * cannot tell whether the gateway or a service refused it. Not shared: service-kit brings a database and Kafka.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(String slug, String title, int status, String detail, String instance) {
        return new Problem(URI.create("https://api.mathshubs.uk/problems/" + slug), title, status, detail, instance,
                List.of());
    }

    public record FieldError(String field, String message) {
    }
}
