package uk.mathshubs.contracts.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A hub recorded (or corrected) who came to a session. People are named by their participant id only: the
 * consumers that need names already hold them, and events should not spread personal data.
 */
public record AttendanceRecorded(
        UUID sessionId,
        List<Entry> entries,
        Instant recordedAt) {

    public record Entry(UUID participantId, UUID workGroupId, String urn, String attendance) {
    }
}
