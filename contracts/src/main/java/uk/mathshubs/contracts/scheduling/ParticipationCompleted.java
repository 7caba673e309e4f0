package uk.mathshubs.contracts.scheduling;

import java.time.Instant;
import java.util.UUID;

/** A school met its Work Group's completion rule; feeds the eligibility history. */
public record ParticipationCompleted(
        UUID workGroupId,
        String programmeCode,
        String academicYear,
        String urn,
        Instant completedAt) {
}
