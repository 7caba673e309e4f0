package uk.mathshubs.catalogue.api;

import java.util.List;

/** A programme as hub websites display it. */
public record ProgrammeView(
        String code,
        String title,
        String summary,
        List<String> yearGroups,
        List<String> requiredRoles,
        List<String> expectations,
        List<String> benefits,
        String cost,
        String funding,
        int centralSessions,
        String eligibilityRuleSet) {
}
