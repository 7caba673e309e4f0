package uk.mathshubs.contracts.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A Work Group's full state after the change the event names. Consumers keep their own copy and
 * apply a payload only when its {@code revision} is newer than the one they hold.
 */
public record WorkGroupPayload(
        UUID workGroupId,
        String programmeCode,
        String programmeTitle,
        String eligibilityRuleSet,
        List<String> requiredRoles,
        String hubCode,
        String academicYear,
        int capacity,
        String allocationPolicy,
        String status,
        Instant applicationsOpenAt,
        Instant applicationsCloseAt,
        LocalDate confirmationDate,
        long revision) {
}
