package uk.mathshubs.contracts.scheduling;

import java.time.Instant;
import java.util.UUID;

/**
 * A session as it now stands; {@code workGroupId} is null for a central (national) session. {@code sequence} counts
 * its revisions (as calendar invitations do) and {@code reason} says why it was last moved or cancelled (and {@code reasonCode}, a cancellation's code).
 */
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
        int sequence,
        String reason,
        /** A cancellation's reason as a code from the session-cancellation list; null for a session not cancelled. */
        String reasonCode) {
}
