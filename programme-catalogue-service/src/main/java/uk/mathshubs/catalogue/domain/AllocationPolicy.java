package uk.mathshubs.catalogue.domain;

/** How places are given out when a Work Group has more applications than places. */
public enum AllocationPolicy {
    /** "50 places available, first come first served". */
    FIRST_COME_FIRST_SERVED,
    /** Ranked by the programme's priority rule at close, then by submission time. */
    PRIORITY_RULES
}
