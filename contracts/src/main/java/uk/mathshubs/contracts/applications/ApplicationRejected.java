package uk.mathshubs.contracts.applications;

import java.time.Instant;
import java.util.UUID;

/** The hub turned the application down, with its reason; if the school held a place, that place is free again. */
public record ApplicationRejected(
        UUID applicationId,
        String reference,
        UUID workGroupId,
        String urn,
        boolean placeReleased,
        String reason,
        Instant rejectedAt,
        /** The reason as a code from the rejection list, for counting; null in events from before the codes. */
        String reasonCode) {
}
