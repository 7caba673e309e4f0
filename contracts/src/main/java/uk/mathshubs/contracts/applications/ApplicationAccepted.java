package uk.mathshubs.contracts.applications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A school has a place. It carries the people to enrol: scheduling needs their names and email
 * addresses to invite them, so this is one of the few events that holds personal data.
 */
public record ApplicationAccepted(
        UUID applicationId,
        String reference,
        UUID workGroupId,
        String hubCode,
        String programmeCode,
        String academicYear,
        String urn,
        String schoolName,
        List<Participant> participants,
        Instant acceptedAt) {

    public record Participant(UUID participantId, String role, String name, String email, String trn) {
    }
}
