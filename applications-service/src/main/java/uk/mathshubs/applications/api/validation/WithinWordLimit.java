package uk.mathshubs.applications.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import uk.mathshubs.applications.domain.HeadteacherStatement;

/** The headteacher statement's limit of 250 words. */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = WithinWordLimit.Validator.class)
public @interface WithinWordLimit {

    String message() default "must be at most " + HeadteacherStatement.MAX_WORDS + " words";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WithinWordLimit, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || HeadteacherStatement.withinLimit(value);
        }
    }
}
