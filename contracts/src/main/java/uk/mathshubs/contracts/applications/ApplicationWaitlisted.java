package uk.mathshubs.contracts.applications;

import java.util.UUID;

public record ApplicationWaitlisted(
        UUID applicationId,
        String reference,
        UUID workGroupId,
        String urn,
        int position) {
}
