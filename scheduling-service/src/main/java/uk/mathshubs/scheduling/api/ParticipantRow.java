package uk.mathshubs.scheduling.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One person taking part, as the NCETM's systems hold them: with their school, Work Group and programme. A person
 * erased at their request comes as a tombstone: their id, {@code deletedAt} and {@code updatedAt}, every other field
 * null; delete them from the copy.
 */
@Schema(description = "A participant of a Work Group; or, with deletedAt set, the tombstone of one erased at their request "
        + "(participantId, deletedAt and updatedAt only: delete them from your copy)", example = """
        {"participantId": "6f1c2a9e-1b7d-4c1e-9a0e-2f4b8c7d6e5a", "applicationId": "0b9f7c52-3c1e-4d53-8c7e-5b0f3c2a9d11",
         "workGroupId": "aa2736b8-a10a-43b3-9eb2-017efaeef54f", "programmeCode": "MN_RKS1", "hubCode": "CENTRAL",
         "academicYear": "2027/28", "urn": "137001", "schoolName": "Elston Hall Primary School",
         "role": "LEAD_TEACHER_YEAR_1", "name": "Yusuf One", "email": "yusuf.one@school.example", "trn": "2345678",
         "withdrawn": false, "withdrawnAt": null, "updatedAt": "2027-09-02T08:15:30.123Z", "deletedAt": null}""")
public record ParticipantRow(
        UUID participantId,
        UUID applicationId,
        UUID workGroupId,
        String programmeCode,
        String hubCode,
        String academicYear,
        String urn,
        String schoolName,
        String role,
        String name,
        String email,
        String trn,
        /** Null in a tombstone. */
        Boolean withdrawn,
        Instant withdrawnAt,
        /** When anything this row shows last changed. */
        Instant updatedAt,
        /** When the person was erased: set in a tombstone only. Last, so the CSV's earlier columns stay where they were. */
        Instant deletedAt) {

    /** What the feed says of a person erased at their request: who, and when; nothing else. */
    public static ParticipantRow tombstone(UUID participantId, Instant deletedAt, Instant updatedAt) {
        return new ParticipantRow(participantId, null, null, null, null, null, null, null, null, null, null, null, null, null,
                updatedAt, deletedAt);
    }
}
