package uk.mathshubs.contracts.applications;

import java.time.Instant;
import java.util.UUID;

public record ApplicationSubmitted(
        UUID applicationId,
        String reference,
        UUID workGroupId,
        String hubCode,
        String urn,
        /** Added in v1 as optional: absent from events written before it was. */
        String schoolName,
        Instant submittedAt) {
}
