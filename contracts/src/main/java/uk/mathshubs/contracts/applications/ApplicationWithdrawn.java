package uk.mathshubs.contracts.applications;

import java.time.Instant;
import java.util.UUID;

public record ApplicationWithdrawn(
        UUID applicationId,
        String reference,
        UUID workGroupId,
        String urn,
        /** True when the school held a place, which is now free for the next school waiting. */
        boolean placeReleased,
        Instant withdrawnAt,
        /** Why, as a code from the withdrawal list, for counting drop-out; null in events from before the codes. */
        String reasonCode) {
}
