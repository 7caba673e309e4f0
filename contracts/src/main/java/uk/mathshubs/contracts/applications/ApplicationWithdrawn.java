package uk.mathshubs.contracts.applications;

import java.time.Instant;
import java.util.UUID;

public record ApplicationWithdrawn(
        UUID applicationId,
        String reference,
        UUID workGroupId,
        String urn,
        Instant withdrawnAt) {
}
