package uk.mathshubs.scheduling.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One session, local (a Work Group's) or central (national, for every group of its programme and year). */
@Schema(description = "A session of a Work Group, or a national one", example = """
        {"sessionId": "3f0c1e2d-4b5a-6978-8a9b-0c1d2e3f4a5b", "workGroupId": "aa2736b8-a10a-43b3-9eb2-017efaeef54f",
         "central": false, "programmeCode": "MN_RKS1", "hubCode": "CENTRAL", "academicYear": "2027/28",
         "title": "Autumn local session", "audience": "LEAD_TEACHERS", "deliveryMode": "FACE_TO_FACE", "term": "AUTUMN",
         "startsAt": "2027-10-14T15:00:00Z", "endsAt": "2027-10-14T16:30:00Z", "location": "Elston Hall Primary School",
         "status": "SCHEDULED", "statusReason": null, "sequence": 0, "updatedAt": "2027-09-02T08:15:30.123Z",
         "reasonCode": null}""")
public record SessionRow(
        UUID sessionId,
        @Schema(description = "Null for a central session") UUID workGroupId,
        boolean central,
        String programmeCode,
        @Schema(description = "The hub running a local session; null for a central one") String hubCode,
        String academicYear,
        String title,
        String audience,
        String deliveryMode,
        String term,
        Instant startsAt,
        Instant endsAt,
        String location,
        @Schema(enumeration = {"SCHEDULED", "CANCELLED"}) String status,
        @Schema(description = "Why it was last moved or cancelled") String statusReason,
        @Schema(description = "How many times it has been moved") int sequence,
        /** When anything this row shows last changed. */
        Instant updatedAt,
        /** Last, so that the CSV's earlier columns stay where they were. */
        @Schema(description = "A cancelled session's reason as a code from GET /api/v1/reason-codes/session-cancellation "
                + "(NOT_GIVEN when none was given); null for a session not cancelled, or cancelled before codes",
                example = "VENUE_UNAVAILABLE") String reasonCode) {
}
