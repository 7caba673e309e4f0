package uk.mathshubs.kit.input;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
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
        Set<String> taken = TAKEN.computeIfAbsent(method, ParameterRules::queryParametersOf);
        for (String name : uri.getQueryParameters().keySet()) {
            if (!taken.contains(name)) {
                throw ProblemException.invalidField(name, "not a parameter of this operation; it takes "
                        + (taken.isEmpty() ? "none" : String.join(", ", new TreeSet<>(taken))));
            }
        }
    }

    /** The names of the query parameters a resource method takes, its {@code @BeanParam}s' included. */
    private static Set<String> queryParametersOf(Method method) {
        Set<String> names = new HashSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null && type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        QueryParam fieldQuery = field.getAnnotation(QueryParam.class);
                        if (fieldQuery != null) {
                            names.add(fieldQuery.value());
                        }
                    }
                }
            }
        }
        return Set.copyOf(names);
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
