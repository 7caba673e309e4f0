package uk.mathshubs.scheduling.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.mathshubs.scheduling.domain.SurveyQuestion;

@Schema(description = "A hub's own questions for one Work Group")
public record HubQuestionsView(
        @Schema(required = true) UUID surveyId,
        @Schema(required = true) UUID workGroupId,
        @Schema(required = true) List<SurveyQuestion> questions,
        @Schema(required = true) Instant updatedAt) {
}
