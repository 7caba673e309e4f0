package uk.mathshubs.scheduling.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.mathshubs.scheduling.api.SurveyRequest.Audience;
import uk.mathshubs.scheduling.api.SurveyRequest.Sends;
import uk.mathshubs.scheduling.domain.SurveyQuestion;

@Schema(description = "An evaluation survey")
public record SurveyView(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "MN_RKS1") String programmeCode,
        @Schema(required = true, example = "2027/28") String academicYear,
        @Schema(required = true) String title,
        @Schema(required = true) Audience audience,
        @Schema(required = true) Sends sends,
        UUID sessionId,
        @Schema(required = true, description = "The programme's questions") List<SurveyQuestion> questions,
        @Schema(required = true) Instant createdAt) {
}
