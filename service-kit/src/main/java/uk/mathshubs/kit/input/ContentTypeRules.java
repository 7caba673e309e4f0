package uk.mathshubs.kit.input;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import uk.mathshubs.kit.problem.Problem;
import uk.mathshubs.kit.problem.ProblemException;

/**
 * A body says what it is: one without a {@code Content-Type} is refused rather than guessed at, and JSON is read as
 * UTF-8 only (RFC 8259), so {@code application/json; charset=ebcdic} is refused rather than read as something the
 * sender did not write. Both are 415 problems naming the header. Other types (CSV imports) keep their charsets.
 */
public class ContentTypeRules {

    @ServerRequestFilter
    public void refuseUnlabelledOrNonUtf8Json(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null) {
            if (hasBody(request)) {
                throw unsupported("a request body needs a Content-Type, application/json for JSON");
            }
            return;
        }
        boolean json = type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json");
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (json && charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw unsupported("JSON is read as UTF-8 only; charset=" + charset + " is not accepted");
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !length.strip().equals("0")) || request.getHeaderString("Transfer-Encoding") != null;
    }

    private static ProblemException unsupported(String message) {
        return new ProblemException(415, "unsupported-media-type", "Unsupported media type", message,
                List.of(new Problem.FieldError("Content-Type", message)));
    }
}
