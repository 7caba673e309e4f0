package uk.mathshubs.contracts.applications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * People named on an application were erased at their request: each service that holds them by their participantId
 * anonymises them, keeping what they took part in as counts. It names nobody: the ids are all a consumer needs, and it
 * travels after the application's other events on the same partition, so it always lands after the acceptance.
 */
public record ApplicationPeopleErased(
        UUID applicationId,
        String reference,
        UUID workGroupId,
        List<UUID> participantIds,
        Instant erasedAt) {
}
