package uk.mathshubs.applications.domain.eligibility;

import java.util.List;

/**
 * A rule set's answer for one school: the outcome, the rule that decided it and why, every check made, any
 * warnings, and the school's priority (0 first) should the Work Group be oversubscribed.
 *
 * @param priorityReason the priority the school meets, or {@code null} if it meets none
 */
public record Eligibility(String ruleSet, Outcome outcome, Finding decidedBy, List<Finding> checks, List<Finding> warnings,
        int priority, String priorityReason) {

    public Eligibility {
        checks = List.copyOf(checks);
        warnings = List.copyOf(warnings);
    }
}
