package uk.mathshubs.scheduling.api;

import java.time.Instant;
import java.util.UUID;

/** One person expected at a session and what was recorded for them ({@code attendance} null: nothing yet). */
public record AttendanceView(
        UUID participantId,
        UUID workGroupId,
        String urn,
        String schoolName,
        String name,
        String role,
        String attendance,
        /** 0 before anything is recorded; each correction adds one. */
        int revision,
        Instant recordedAt,
        String recordedBy) {
}
