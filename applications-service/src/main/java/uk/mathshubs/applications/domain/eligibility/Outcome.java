package uk.mathshubs.applications.domain.eligibility;

/** What a rule set says about a school: it may apply, it may not, or its hub must look at it. */
public enum Outcome {
    ELIGIBLE, NEEDS_REVIEW, INELIGIBLE;

    /** Every requirement must hold: one refusal refuses, otherwise one doubt leaves it to the hub. */
    static Outcome allOf(Outcome a, Outcome b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** One route is enough: one pass passes, otherwise one doubt leaves it to the hub. */
    static Outcome anyOf(Outcome a, Outcome b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
