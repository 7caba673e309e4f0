package uk.mathshubs.kit.problem;

import java.net.URI;
import java.util.List;

/** A use case refusing a request for a reason the caller can act on; rendered as problem+json. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist", List.of());
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "invalid-request", "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(409, slug, title, detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    public Problem toProblem(String instance) {
        URI type = slug == null ? URI.create("about:blank") : Problem.type(slug);
        return new Problem(type, title, status, getMessage(), instance, errors);
    }

    public int status() {
        return status;
    }
}
