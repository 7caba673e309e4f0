package uk.mathshubs.scheduling.api;

import java.util.List;

/** The local sessions a Work Group's programme asks for, term by term, against what the hub has scheduled. */
public record SessionPlanView(String programmeCode, String academicYear, int localSessionsPerTerm, boolean complete,
        List<TermPlan> terms) {

    public record TermPlan(String term, int required, int scheduled, int missing) {
    }
}
