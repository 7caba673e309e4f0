package uk.mathshubs.applications.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.mathshubs.applications.api.validation.PlainText;

/** A programme admin puts a school in a trust the register does not show yet (a later import leaves it alone). */
public record TrustAssignment(
        @Schema(description = "The trust's GIAS reference (Trusts (code))", example = "5712") @NotBlank @Pattern(regexp = "\\d{1,10}",
                message = "must be the trust's GIAS reference: 1 to 10 digits") String code,
        @Schema(example = "Elston Hall Learning Trust") @NotBlank @Size(max = 200) @PlainText String name) {
}
