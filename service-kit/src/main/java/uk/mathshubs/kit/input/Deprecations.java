package uk.mathshubs.kit.input;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Tells a caller that used a {@link Superseded} spelling (of a query parameter or a header) that it will go: {@code Deprecation: @<epoch seconds>}
 * (RFC 9745), {@code Sunset: <HTTP date>} (RFC 8594) and {@code Link: </changelog>; rel="deprecation"}, the change
 * log the gateway serves, which says what to use instead.
 */
public class Deprecations {

    public static final String CHANGELOG = "/changelog";
    private static final Map<Method, Map<String, Superseded>> SUPERSEDED_PARAMETERS = new ConcurrentHashMap<>();
    private static final Map<Method, Map<String, Superseded>> SUPERSEDED_HEADERS = new ConcurrentHashMap<>();

    @ServerResponseFilter
    public void tell(ResourceInfo resource, ContainerRequestContext request, ContainerResponseContext response) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Map<String, Superseded> parameters = SUPERSEDED_PARAMETERS.computeIfAbsent(method, QueryParameters::superseded);
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (parameters.containsKey(name)) {
                tell(parameters.get(name), response);
                return;
            }
        }
        Map<String, Superseded> headerNames = SUPERSEDED_HEADERS.computeIfAbsent(method, QueryParameters::supersededHeaders);
        for (Map.Entry<String, Superseded> header : headerNames.entrySet()) {
            if (request.getHeaderString(header.getKey()) != null) {
                tell(header.getValue(), response);
                return;
            }
        }
    }

    private static void tell(Superseded old, ContainerResponseContext response) {
        headers(old.since(), old.sunset()).forEach(response.getHeaders()::putSingle);
    }

    /** The three headers that tell a caller what it used is deprecated (since, and until, these ISO dates). */
    public static Map<String, String> headers(String since, String sunset) {
        return Map.of("Deprecation", "@" + start(since).toEpochSecond(),
                "Sunset", DateTimeFormatter.RFC_1123_DATE_TIME.format(start(sunset)),
                "Link", "<" + CHANGELOG + ">; rel=\"deprecation\"; type=\"text/markdown\"");
    }

    private static java.time.ZonedDateTime start(String isoDate) {
        return LocalDate.parse(isoDate).atStartOfDay(ZoneOffset.UTC);
    }
}
