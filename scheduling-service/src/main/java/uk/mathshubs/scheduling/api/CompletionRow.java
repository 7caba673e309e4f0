package uk.mathshubs.scheduling.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a school completed a Work Group's programme, decided once when the Work Group completed. */
@Schema(description = "A school's completion of a Work Group", example = """
        {"workGroupId": "aa2736b8-a10a-43b3-9eb2-017efaeef54f", "programmeCode": "MN_RKS1", "hubCode": "CENTRAL",
         "academicYear": "2027/28", "urn": "137001", "schoolName": "Elston Hall Primary School", "completed": true,
         "decidedAt": "2028-07-20T16:00:00Z", "updatedAt": "2028-07-20T16:00:00.201Z"}""")
public record CompletionRow(
        UUID workGroupId,
        String programmeCode,
        String hubCode,
        String academicYear,
        String urn,
        String schoolName,
        @Schema(description = "Met the programme's completion rule") boolean completed,
        Instant decidedAt,
        /** When anything this row shows last changed. */
        Instant updatedAt) {
}
