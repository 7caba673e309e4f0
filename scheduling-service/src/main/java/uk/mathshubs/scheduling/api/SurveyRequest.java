package uk.mathshubs.scheduling.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.mathshubs.scheduling.domain.SurveyQuestion;

/** A programme's evaluation survey for one academic year, as the NCETM's programme team defines it. */
@Schema(description = "A survey to define", example = """
        {"programmeCode": "MN_RKS1", "academicYear": "2027/28", "title": "Mastering Number: end of year evaluation",
         "audience": "PERSON", "sends": "AT_COMPLETION",
         "questions": [
           {"key": "confidence", "text": "How confident do you now feel teaching number?", "type": "SCALE", "required": true,
            "min": 1, "max": 5, "minLabel": "Not at all", "maxLabel": "Very"},
           {"key": "sessions_useful", "text": "Which part helped you most?", "type": "CHOICE",
            "options": ["Live sessions", "Local sessions", "Classroom materials"]},
           {"key": "comments", "text": "Anything else you would like to tell us?", "type": "TEXT", "maxLength": 2000}]}""")
public record SurveyRequest(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "a programme code, such as MN_RKS1") String programmeCode,
        @NotBlank @Pattern(regexp = "\\d{4}/\\d{2}", message = "an academic year, such as 2027/28") String academicYear,
        @NotBlank @Size(max = 200) String title,
        @NotNull @Schema(description = "PERSON: each person taking part is asked; SCHOOL: the headteacher, once per school")
        Audience audience,
        @NotNull @Schema(description = "AFTER_SESSION: to those recorded as attending sessionId (a central session of the "
                + "programme and year); AT_COMPLETION: to everyone still taking part when the Work Group completes")
        Sends sends,
        @Schema(description = "AFTER_SESSION only: the central session") UUID sessionId,
        @NotNull List<SurveyQuestion> questions) {

    public enum Audience {
        PERSON, SCHOOL
    }

    public enum Sends {
        AFTER_SESSION, AT_COMPLETION
    }
}
