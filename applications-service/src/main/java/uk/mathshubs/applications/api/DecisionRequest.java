package uk.mathshubs.applications.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.mathshubs.applications.api.validation.PlainText;

/** A hub's decision on an application. A rejection, and any acceptance that overrides the rules or the queue, needs a reason. */
public record DecisionRequest(
        @NotNull Decision decision,
        @Schema(example = "Confirmed with the headteacher that Year 4 and 5 teachers can commit fully") @Size(max = 1000) @PlainText(multiline = true) String reason) {

    public enum Decision {
        ACCEPT, REJECT
    }
}
