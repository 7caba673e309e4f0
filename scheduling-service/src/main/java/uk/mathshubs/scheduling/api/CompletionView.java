package uk.mathshubs.scheduling.api;

import java.util.List;

/** How far each school of a Work Group is towards completing it, under its programme's rule. */
public record CompletionView(String programmeCode, String rule, List<School> schools) {

    public record School(String urn, String schoolName, boolean complete, List<Requirement> requirements) {
    }

    /** {@code attended} of the {@code counted} sessions this requirement selects; {@code needed} to meet it. */
    public record Requirement(String label, int attended, int counted, int needed, boolean met) {
    }
}
