package uk.mathshubs.applications.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.mathshubs.applications.api.validation.PlainText;

/** A hub's decision on an application. A rejection, and any acceptance that overrides the rules or the queue, needs a reason. */
public record DecisionRequest(
        @NotNull Decision decision,
        @Schema(example = "Confirmed with the headteacher that Year 4 and 5 teachers can commit fully") @Size(max = 1000) @PlainText(multiline = true) String reason,
        @Schema(description = "REJECT only: the reason as a code from GET /api/v1/reason-codes/rejection, beside the free-text "
                + "reason (which a rejection still needs); absent, NOT_GIVEN is recorded. A code not in use, or any code with "
                + "ACCEPT, is a 400 naming reasonCode", example = "NOT_ELIGIBLE", pattern = "^[A-Z][A-Z0-9_]*$", maxLength = 60)
        @Size(max = 60) String reasonCode) {

    public enum Decision {
        ACCEPT, REJECT
    }
}
