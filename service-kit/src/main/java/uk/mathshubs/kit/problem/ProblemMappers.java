package uk.mathshubs.kit.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import uk.mathshubs.kit.input.RefusedValue;
import uk.mathshubs.security.Redaction;

/** Every error leaves the service as problem+json: never a stack trace, never an HTML page. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem(Problem.type("invalid-request"), "Invalid request", 400, detail, uri.getPath(), errors));
    }

    // Exact types too: the Jackson extension maps these itself, and the most specific mapper wins.
    @ServerExceptionMapper(priority = 1)
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response badFormat(InvalidFormatException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? pathOf(m.getPath()) : "";
        String message;
        if (e instanceof RefusedValue refused) {
            message = refused.reason();
        } else if (e instanceof UnrecognizedPropertyException u) {
            field = pathOf(u.getPath());
            message = "is not a property this request accepts";
        } else if (e instanceof InvalidFormatException f) {
            message = "cannot be read as " + describe(f.getTargetType());
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "must be " + describe(m.getTargetType());
        } else {
            message = "the body is not well-formed JSON";
        }
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message));
        String detail = field.isEmpty() ? "The request body is not well-formed JSON" : field + ": " + message;
        return respond(new Problem(Problem.type("invalid-request"), "Invalid request", 400, detail, uri.getPath(), errors));
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "Your credentials do not allow this request", uri.getPath(), List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(URI.create("about:blank"), title, status, detailFor(status), uri.getPath(), List.of()));
        copy(e.getResponse(), response, HttpHeaders.ALLOW);
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        // The last line of defence: a value the checks let through that PostgreSQL cannot hold (SQLSTATE class 22,
        // "data exception": a character, a range, a length) is the request's fault, and nothing of it was stored.
        Optional<SQLException> data = Constraints.sqlException(e).filter(sql -> sql.getSQLState() != null
                && sql.getSQLState().startsWith("22"));
        if (data.isPresent()) {
            LOG.infof("Refused on %s, a value PostgreSQL cannot store: %s", Redaction.path(uri.getPath()), data.get().getSQLState());
            return respond(new Problem(Problem.type("invalid-request"), "Invalid request", 400,
                    "A value in this request cannot be stored (a character, a date or a number out of range)",
                    uri.getPath(), List.of()));
        }
        LOG.errorf(e, "Unexpected failure on %s", Redaction.path(uri.getPath()));
        return respond(new Problem(Problem.type("internal-error"), "Internal error", 500,
                "Something went wrong on our side; the request was not completed", uri.getPath(), List.of()));
    }

    private static Response unauthorized(UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new Problem(Problem.type("unauthorized"), "Unauthorized", 401,
                        "A valid bearer token is required", uri.getPath(), List.of()))
                .build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "There is no resource at this address";
            case 405 -> "This resource does not support that method";
            case 406 -> "This resource cannot produce the media type asked for";
            case 415 -> "Send the request body as application/json";
            default -> "The request could not be completed";
        };
    }

    private static void copy(Response from, Response.ResponseBuilder to, String header) {
        Object value = from.getHeaders().getFirst(header);
        if (value != null) {
            to.header(header, value);
        }
    }

    /** The request field a violation is about, as the caller wrote it: {@code school.urn}, {@code leadTeachers[1].trn}. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        boolean inBody = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER || node.getKind() == ElementKind.METHOD) {
                inBody = node.getKind() == ElementKind.PARAMETER;
                if (inBody && names.isEmpty()) {
                    continue;
                }
            }
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                String name = node.getName() == null ? "" : node.getName();
                if (node.getIndex() != null && !names.isEmpty()) {
                    int last = names.size() - 1;
                    names.set(last, names.get(last) + "[" + node.getIndex() + "]");
                }
                if (!name.isEmpty() && !name.startsWith("<")) {
                    names.add(name);
                }
            }
        }
        if (names.isEmpty()) {
            String path = violation.getPropertyPath().toString();
            return path.substring(path.lastIndexOf('.') + 1);
        }
        return String.join(".", names);
    }

    static String pathOf(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value of the right type";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO 8601 date or time";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object";
    }
}
