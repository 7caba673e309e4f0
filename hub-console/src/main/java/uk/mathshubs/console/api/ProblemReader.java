package uk.mathshubs.console.api;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every answer of 400 and above becomes an {@link ApiProblem}: problem+json read as it came, anything else (a proxy's
 * own page) as a problem that names the status.
 */
public class ProblemReader implements ResponseExceptionMapper<ApiProblem> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Override
    public ApiProblem toThrowable(Response response) {
        return new ApiProblem(read(response));
    }

    static Problem read(Response response) {
        int status = response.getStatus();
        try {
            if (response.hasEntity()) {
                String body = response.readEntity(String.class);
                if (body != null && body.startsWith("{")) {
                    Problem problem = JSON.readValue(body, Problem.class);
                    if (problem.status() != 0) {
                        return problem;
                    }
                }
            }
        } catch (RuntimeException | java.io.IOException unreadable) {
            // Falls through to a problem named by the status alone.
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error " + status : known.getReasonPhrase();
        return new Problem(URI.create("about:blank").toString(), title, status,
                status >= 500 ? "The service did not answer; try again in a moment" : null, null, List.of());
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
