package uk.mathshubs.applications.api;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.mathshubs.applications.api.validation.PlainText;
import uk.mathshubs.applications.domain.eligibility.Answer;

/** "Is this school eligible for this Work Group?", asked before applying. */
public record EligibilityCheckRequest(
        @Schema(example = "137001") @NotBlank @Pattern(regexp = "\\d{6,7}", message = "must be the school's 6 or 7 digit URN") String urn,
        @Size(max = 20) Map<@NotBlank @Size(max = 100) @PlainText String, @NotNull Answer> declarations) {

    public Map<String, Answer> declarationsOrNone() {
        return declarations == null ? Map.of() : declarations;
    }
}
