package uk.mathshubs.contracts.scheduling;

import java.time.Instant;
import java.util.UUID;

/** A session as scheduled; {@code workGroupId} is null for a central (national) session. */
public record SessionPayload(
        UUID sessionId,
        UUID workGroupId,
        String programmeCode,
        String academicYear,
        String title,
        String audience,
        String deliveryMode,
        Instant startsAt,
        Instant endsAt,
        String status,
        int sequence) {
}
