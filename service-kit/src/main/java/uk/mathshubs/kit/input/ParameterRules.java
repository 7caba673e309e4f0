package uk.mathshubs.kit.input;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import uk.mathshubs.kit.problem.ProblemException;

/**
 * Every path and query parameter of every request, held to {@link InputRules} before a resource sees it; and no query
 * parameter the operation does not take.
 */
public class ParameterRules {

    private static final Map<Method, Set<String>> TAKEN = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseControlCharacters(UriInfo uri) {
        check(uri.getPathParameters());
        check(uri.getQueryParameters());
    }

    /**
     * A query parameter the operation does not take is a mistake, named as such: read as nothing, it would make
     * {@code /work-groups?programmeCode=MN_KS2} list every Work Group to a website that believes it filtered.
     */
    @ServerRequestFilter
    public void refuseUnknownQueryParameters(ResourceInfo resource, UriInfo uri) {
        Method method = resource.getResourceMethod();
        if (method == null || uri.getQueryParameters().isEmpty()) {
            return;
        }
        Set<String> taken = TAKEN.computeIfAbsent(method, taking -> QueryParameters.of(taking).keySet());
        for (String name : uri.getQueryParameters().keySet()) {
            if (!taken.contains(name)) {
                throw ProblemException.invalidField(name, "not a parameter of this operation; it takes "
                        + (taken.isEmpty() ? "none" : String.join(", ", new TreeSet<>(taken))));
            }
        }
    }

    private static void check(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            InputRules.refuseParameter(name).ifPresent(reason -> {
                throw ProblemException.invalidField("query", "a parameter's name " + reason);
            });
            for (String value : parameter.getValue()) {
                InputRules.refuseParameter(value).ifPresent(reason -> {
                    throw ProblemException.invalidField(name, reason);
                });
            }
        }
    }
}
