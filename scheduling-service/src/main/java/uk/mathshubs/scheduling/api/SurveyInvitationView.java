package uk.mathshubs.scheduling.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.mathshubs.scheduling.domain.SurveyQuestion;

/** What the person's single-use link shows: the survey's questions, the programme's then their hub's. No name. */
@Schema(description = "A survey to answer, behind its single-use link")
public record SurveyInvitationView(
        @Schema(required = true) String title,
        @Schema(required = true, example = "Mastering Number at Reception and Key Stage 1") String programme,
        @Schema(required = true, example = "Central Maths Hub") String hub,
        @Schema(required = true, example = "2027/28") String academicYear,
        @Schema(required = true, description = "The programme's questions") List<SurveyQuestion> questions,
        @Schema(required = true, description = "The hub's own questions for this Work Group; none if it added none")
        List<SurveyQuestion> hubQuestions) {
}
