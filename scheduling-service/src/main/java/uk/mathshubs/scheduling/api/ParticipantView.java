package uk.mathshubs.scheduling.api;

import java.util.List;
import java.util.UUID;

/** One person of an accepted school and the sessions they are expected at, for the NCETM and the hub. */
public record ParticipantView(
        UUID participantId,
        UUID applicationId,
        String urn,
        String schoolName,
        String name,
        String role,
        String email,
        String trn,
        boolean withdrawn,
        List<UUID> sessionIds,
        /** The person's private calendar feed; share it with them only. */
        String calendarPath) {
}
