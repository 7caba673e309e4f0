package uk.mathshubs.console.web;

import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;
import uk.mathshubs.console.api.ApiProblem;
import uk.mathshubs.console.api.Problem;

/**
 * A form's errors, as the API (or, for what cannot even be sent, the console) stated them: the summary at the top of
 * the page and each field's message beside it. None on a fresh form.
 */
public record Errors(Problem problem) {

    private static final Errors NONE = new Errors(null);

    public static Errors none() {
        return NONE;
    }

    public static Errors of(Problem problem) {
        return new Errors(problem);
    }

    /** One field's error found before calling the API (a date that does not exist, say). */
    public static Errors field(String field, String message) {
        return new Errors(new Problem("about:blank", "Invalid request", 400, message, null,
                List.of(new Problem.FieldError(field, message))));
    }

    /** A form's post: the API's answer, or, when the API refuses it, the form again with the API's errors. */
    static Uni<Response> orFormAgain(Uni<Response> post, Function<Errors, Uni<Response>> formAgain) {
        return post.onFailure(ApiProblem.class)
                .recoverWithUni(refusal -> formAgain.apply(of(((ApiProblem) refusal).problem())));
    }

    /** The same errors with one field named as the page names it (a page with two forms, each with its "reason"). */
    Errors renamed(String from, String to) {
        if (problem == null) {
            return this;
        }
        return of(new Problem(problem.type(), problem.title(), problem.status(), problem.detail(), problem.instance(),
                problem.errors().stream()
                        .map(e -> from.equals(e.field()) ? new Problem.FieldError(to, e.message()) : e).toList()));
    }

    public boolean any() {
        return problem != null;
    }

    /** The API's message for this field, or null. */
    public String of(String field) {
        return problem == null ? null : problem.messageFor(field).orElse(null);
    }

    public String title() {
        return problem == null ? null : problem.title();
    }

    public List<Problem.FieldError> summary() {
        return problem == null ? List.of() : problem.summary();
    }

    /** The page's status: the API's 4xx as it was; its 5xx is the console's bad gateway (502), as on every page. */
    public int status() {
        return problem == null ? 200 : problem.status() >= 500 ? 502 : problem.status();
    }
}
