package uk.mathshubs.contracts.applications;

import java.util.UUID;

/** A school on a waiting list moved up: a school ahead of it left the list (accepted, offered, withdrawn, rejected). */
public record ApplicationWaitingListMoved(
        UUID applicationId,
        String reference,
        UUID workGroupId,
        String urn,
        int position) {
}
