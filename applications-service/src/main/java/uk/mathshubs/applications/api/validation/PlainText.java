package uk.mathshubs.applications.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text people typed: no control characters (line breaks only where {@code multiline}), and none of the invisible
 * direction overrides that make a name read differently from what it is. Such text ends up in emails, CSVs and
 * calendars, where those characters break or disguise things.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

    String message() default "must be plain text, without control characters";

    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.codePoints().allMatch(this::allowed);
        }

        private boolean allowed(int c) {
            if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
                return true;
            }
            boolean directionOverride = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
            return !Character.isISOControl(c) && !directionOverride && c != 0xFEFF
                    && Character.getType(c) != Character.UNASSIGNED && Character.getType(c) != Character.SURROGATE;
        }
    }
}
