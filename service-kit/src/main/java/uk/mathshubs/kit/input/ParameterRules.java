package uk.mathshubs.kit.input;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import uk.mathshubs.kit.problem.ProblemException;

/** Every path and query parameter of every request, held to {@link InputRules} before a resource sees it. */
public class ParameterRules {

    @ServerRequestFilter
    public void refuseControlCharacters(UriInfo uri) {
        check(uri.getPathParameters());
        check(uri.getQueryParameters());
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
