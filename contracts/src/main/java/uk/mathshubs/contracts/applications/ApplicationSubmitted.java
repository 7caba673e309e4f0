package uk.mathshubs.contracts.applications;

import java.time.Instant;
import java.util.UUID;

public record ApplicationSubmitted(
        UUID applicationId,
        String reference,
        UUID workGroupId,
        String hubCode,
        String urn,
        Instant submittedAt) {
}
