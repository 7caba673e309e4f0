package uk.mathshubs.scheduling.api;

import java.time.Instant;
import java.util.UUID;

/** One answer recorded for a person at a session, in the order they were given. */
public record AttendanceChangeView(UUID participantId, String attendance, int revision, Instant recordedAt,
        String recordedBy) {
}
