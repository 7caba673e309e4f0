package uk.mathshubs.applications.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The rules' answer for a school, explained: the deciding rule in the programme's words, and why. */
public record EligibilityView(
        @Schema(enumeration = {"ELIGIBLE", "NEEDS_REVIEW", "INELIGIBLE"}) String outcome,
        Check decidedBy,
        List<Check> checks,
        List<Check> warnings,
        @Schema(description = "0 first: the order of schools if the Work Group allocates by priority and is oversubscribed")
        int priority,
        String priorityReason) {

    public record Check(String rule, String description, String outcome, String reason) {
    }
}
