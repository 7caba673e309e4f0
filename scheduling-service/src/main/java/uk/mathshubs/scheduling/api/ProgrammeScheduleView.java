package uk.mathshubs.scheduling.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** What a programme asks of its Work Groups: local sessions per term, and the completion rule (see the README). */
public record ProgrammeScheduleView(
        @Schema(readOnly = true) String programmeCode,
        @Schema(example = "1") @NotNull @Min(0) @Max(20) Integer localSessionsPerTerm,
        @Schema(description = "description and requirements: label, scope (CENTRAL, LOCAL, ANY), deliveryModes, audiences, atLeast (\"ALL\" or a number), attendedBy (EVERYONE_EXPECTED, SOMEONE)")
        @NotNull JsonNode completionRule) {
}
