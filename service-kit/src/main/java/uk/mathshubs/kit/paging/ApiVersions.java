package uk.mathshubs.kit.paging;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import uk.mathshubs.kit.input.Deprecations;
import uk.mathshubs.kit.problem.ProblemException;

/**
 * The API's major versions a caller may ask for with the {@code API-Version} request header (the answers' header names
 * the whole version). Version 2 pages every list ({@link Page}); a caller that sends {@code API-Version: 1} (or 1.x.y)
 * is answered as version 1 did until {@link #VERSION_1_SUNSET}, with {@code Deprecation} and {@code Sunset} on every
 * answer: the lists marked {@link ArrayInVersion1} as one bare array, the others as the list describes.
 */
public class ApiVersions {

    public static final String HEADER = "API-Version";
    public static final String VERSION_1_DEPRECATED = "2026-12-04";
    public static final String VERSION_1_SUNSET = "2027-06-30";
    private static final Pattern VERSION = Pattern.compile("\\s*(\\d{1,3})(?:\\.\\d{1,3}){0,2}\\s*");

    private static final Map<Method, Boolean> LISTS = new ConcurrentHashMap<>();

    /** Whether a resource method answers a list: it takes the paging parameters. */
    private static boolean pages(Method method) {
        return Arrays.stream(method.getParameters()).anyMatch(p -> PageRequest.class.isAssignableFrom(p.getType()));
    }

    /** Whether a request's {@code API-Version} asks for version 1. */
    public static boolean former(String header) {
        if (header == null) {
            return false;
        }
        Matcher version = VERSION.matcher(header);
        return version.matches() && version.group(1).equals("1");
    }

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        String header = request.getHeaderString(HEADER);
        if (header == null) {
            return;
        }
        Matcher version = VERSION.matcher(header);
        if (!version.matches() || !(version.group(1).equals("1") || version.group(1).equals("2"))) {
            throw ProblemException.invalidField(HEADER, "is 2 (the current version) or 1 (answered as version 1 until "
                    + VERSION_1_SUNSET + "), optionally with minor and patch: 2.2.0");
        }
    }

    @ServerResponseFilter
    public void answerAsVersion1(ResourceInfo resource, ContainerRequestContext request, ContainerResponseContext response) {
        Method method = resource.getResourceMethod();
        if (method != null && LISTS.computeIfAbsent(method, ApiVersions::pages)) {
            // One list, two shapes until the sunset (its 304s too): a cache must keep them apart.
            response.getHeaders().add("Vary", HEADER);
        }
        if (!former(request.getHeaderString(HEADER))) {
            return;
        }
        Deprecations.headers(VERSION_1_DEPRECATED, VERSION_1_SUNSET).forEach(response.getHeaders()::putSingle);
        if (response.getEntity() instanceof Page<?> page && method != null && method.isAnnotationPresent(ArrayInVersion1.class)) {
            response.setEntity(page.items(), response.getEntityAnnotations(), response.getMediaType());
        }
    }
}
