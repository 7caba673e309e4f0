package uk.mathshubs.contracts.scheduling;

import java.time.Instant;
import java.util.UUID;

/**
 * A school's completion of a Work Group was corrected away (attendance recorded again after the Work Group completed
 * no longer meets the rule): the history it fed no longer holds. A later {@link ParticipationCompleted} for the same
 * school and Work Group restores it; both are keyed by the school's URN, so they arrive in order.
 */
public record ParticipationCompletionRevoked(
        UUID workGroupId,
        String programmeCode,
        String academicYear,
        String urn,
        Instant revokedAt) {
}
