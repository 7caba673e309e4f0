package uk.mathshubs.contracts.applications;

import java.time.Instant;
import java.util.UUID;

/** An offered place the school declined or let expire; it goes to the next school waiting. */
public record ApplicationOfferEnded(
        UUID applicationId,
        String reference,
        UUID workGroupId,
        String urn,
        Instant endedAt,
        /** A decline's reason as a code from the offer-decline list; null for an offer that expired. */
        String reasonCode) {
}
