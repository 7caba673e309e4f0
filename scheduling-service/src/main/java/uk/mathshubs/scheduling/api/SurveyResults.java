package uk.mathshubs.scheduling.api;

import java.util.Map;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.mathshubs.scheduling.domain.SurveyQuestion;

/** A survey's answers counted, for one Work Group, one hub or the whole programme. No text, no names. */
@Schema(description = "A survey's answers counted")
public record SurveyResults(
        @Schema(required = true) UUID surveyId,
        @Schema(description = "Counted for this Work Group only") UUID workGroupId,
        @Schema(description = "Counted for this hub only", example = "CENTRAL") String hubCode,
        @Schema(required = true, description = "People (or schools) asked") int invited,
        @Schema(required = true) int answered,
        @Schema(required = true, description = "A hub's counts of fewer than five answers are withheld (each question's "
                + "answers, mean and counts null): with so few, they would say who answered what") boolean withheld,
        @Schema(required = true) List<QuestionResult> questions) {

    @Schema(description = "One question's answers counted")
    public record QuestionResult(
            @Schema(required = true) String key,
            @Schema(required = true) String text,
            @Schema(required = true) SurveyQuestion.Type type,
            @Schema(required = true, description = "Asked by the hub, not the programme") boolean addedByHub,
            @Schema(description = "Answers given; null when withheld") Integer answers,
            @Schema(description = "SCALE: the mean, to two places") Double mean,
            @Schema(description = "SCALE: answers per value; CHOICE: answers per option") Map<String, Integer> counts) {
    }
}
