package uk.mathshubs.contracts.applications;

import java.time.Instant;
import java.util.UUID;

/** A freed place is offered to the next school on the waiting list, held for it until {@code offerExpiresAt}. */
public record ApplicationOffered(
        UUID applicationId,
        String reference,
        UUID workGroupId,
        String urn,
        Instant offerExpiresAt) {
}
