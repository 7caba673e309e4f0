package uk.mathshubs.contracts.catalogue;

import java.util.List;

/** A programme as the catalogue publishes it (event-carried state: consumers need no call back). */
public record ProgrammePayload(
        String code,
        String title,
        List<String> yearGroups,
        List<String> requiredRoles,
        String eligibilityRuleSet,
        int centralSessions,
        long revision) {
}
