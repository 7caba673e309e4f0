package uk.mathshubs.console.api;

import java.util.List;
import java.util.Optional;

/**
 * An RFC 9457 problem as the API answered it. Pages show it as it is: the title and detail in the error summary, and
 * each field's message beside that field.
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The message for a form field, where the API named it (a nested field such as {@code records[0].attendance} too). */
    public Optional<String> messageFor(String field) {
        return errors.stream()
                .filter(error -> error.field() != null
                        && (error.field().equals(field) || error.field().startsWith(field + ".")
                                || error.field().startsWith(field + "[")))
                .map(FieldError::message)
                .findFirst();
    }

    /** What the error summary lists: each field's message, or the detail when no field is named. */
    public List<FieldError> summary() {
        return errors.isEmpty() ? List.of(new FieldError(null, detail == null ? title : detail)) : errors;
    }
}
