package uk.mathshubs.scheduling.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What was recorded for one person at one session, with enough context to use it without another call. */
@Schema(description = "Attendance of one participant at one session", example = """
        {"sessionId": "3f0c1e2d-4b5a-6978-8a9b-0c1d2e3f4a5b", "participantId": "6f1c2a9e-1b7d-4c1e-9a0e-2f4b8c7d6e5a",
         "workGroupId": "aa2736b8-a10a-43b3-9eb2-017efaeef54f", "programmeCode": "MN_RKS1", "hubCode": "CENTRAL",
         "academicYear": "2027/28", "urn": "137001", "sessionTitle": "Autumn local session", "central": false,
         "deliveryMode": "FACE_TO_FACE", "sessionStartsAt": "2027-10-14T15:00:00Z", "attendance": "ATTENDED",
         "revision": 1, "recordedAt": "2027-10-14T18:02:11Z", "updatedAt": "2027-10-14T18:02:11.120Z"}""")
public record AttendanceRow(
        UUID sessionId,
        UUID participantId,
        UUID workGroupId,
        String programmeCode,
        String hubCode,
        String academicYear,
        String urn,
        String sessionTitle,
        boolean central,
        String deliveryMode,
        Instant sessionStartsAt,
        String attendance,
        int revision,
        Instant recordedAt,
        Instant updatedAt) {
}
