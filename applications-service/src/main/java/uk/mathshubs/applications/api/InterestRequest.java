package uk.mathshubs.applications.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.mathshubs.applications.api.validation.PlainText;

/** "Please use the form below to express an interest for next year." */
public record InterestRequest(
        @Schema(example = "137001") @NotBlank @Pattern(regexp = "\\d{6,7}", message = "must be the school's 6 or 7 digit URN") String urn,
        @Schema(example = "Elston Hall Primary School") @NotBlank @Size(max = 200) @PlainText String schoolName,
        @NotBlank @Size(max = 200) @PlainText String contactName,
        @NotBlank @Email @Size(max = 254) String contactEmail) {
}
