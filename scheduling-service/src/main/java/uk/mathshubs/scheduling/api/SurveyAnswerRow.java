package uk.mathshubs.scheduling.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One answer to one question, for the NCETM's sync: anonymous (the school only where the survey is per school). */
@Schema(description = "An answer to a survey question", example = """
        {"responseId": "0190f3c2-7d1e-7000-8000-000000000001", "surveyId": "0190f3c2-7d1e-7000-8000-0000000000aa",
         "surveyTitle": "Mastering Number: end of year evaluation", "workGroupId": "aa2736b8-a10a-43b3-9eb2-017efaeef54f",
         "programmeCode": "MN_RKS1", "hubCode": "CENTRAL", "academicYear": "2027/28", "urn": null,
         "role": "LEAD_TEACHER_YEAR_1", "questionKey": "confidence", "addedByHub": false, "scale": 4, "choice": null,
         "text": null, "submittedAt": "2028-07-21T09:12:00Z", "updatedAt": "2028-07-21T09:12:00.104Z"}""")
public record SurveyAnswerRow(
        UUID responseId,
        UUID surveyId,
        String surveyTitle,
        UUID workGroupId,
        String programmeCode,
        String hubCode,
        String academicYear,
        @Schema(description = "The school, for a survey per school only") String urn,
        @Schema(description = "The respondent's role in the Work Group") String role,
        String questionKey,
        @Schema(description = "A question the hub added for its Work Group") boolean addedByHub,
        @Schema(description = "A SCALE question's answer") Integer scale,
        @Schema(description = "A CHOICE question's answer") String choice,
        @Schema(description = "A TEXT question's answer") String text,
        Instant submittedAt,
        /** When anything this row shows last changed. */
        Instant updatedAt) {
}
