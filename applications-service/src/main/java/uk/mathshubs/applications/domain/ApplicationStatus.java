package uk.mathshubs.applications.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an application stands, and where it may go next:
 * submitted → accepted / waitlisted / ineligible / needs review → offered (from the waiting list) → accepted /
 * declined / expired; withdrawn (by the school) or rejected (by the hub) from any live state. A hub may override
 * "ineligible" with a reason. Priority-rules Work Groups keep eligible applications SUBMITTED until they close.
 */
public enum ApplicationStatus {
    SUBMITTED, NEEDS_REVIEW, INELIGIBLE, WAITLISTED, OFFERED, ACCEPTED, DECLINED, EXPIRED, REJECTED, WITHDRAWN;

    /** Still in play: the school may withdraw it and the hub may decide on it. */
    public boolean isLive() {
        return EnumSet.of(SUBMITTED, NEEDS_REVIEW, WAITLISTED, OFFERED, ACCEPTED).contains(this);
    }

    /** Counts against the Work Group's capacity: a place taken, or one held for the school while it decides. */
    public boolean holdsPlace() {
        return this == ACCEPTED || this == OFFERED;
    }

    public boolean canMoveTo(ApplicationStatus next) {
        return next(this).contains(next);
    }

    private static Set<ApplicationStatus> next(ApplicationStatus from) {
        return switch (from) {
            case SUBMITTED -> EnumSet.of(ACCEPTED, WAITLISTED, INELIGIBLE, NEEDS_REVIEW, REJECTED, WITHDRAWN);
            case NEEDS_REVIEW -> EnumSet.of(ACCEPTED, WAITLISTED, REJECTED, WITHDRAWN);
            // The hub may override an ineligible outcome (with a reason); the school has nothing to withdraw.
            case INELIGIBLE -> EnumSet.of(ACCEPTED, WAITLISTED);
            case WAITLISTED -> EnumSet.of(OFFERED, ACCEPTED, REJECTED, WITHDRAWN);
            case OFFERED -> EnumSet.of(ACCEPTED, DECLINED, EXPIRED, REJECTED, WITHDRAWN);
            case ACCEPTED -> EnumSet.of(REJECTED, WITHDRAWN);
            case DECLINED, EXPIRED, REJECTED, WITHDRAWN -> EnumSet.noneOf(ApplicationStatus.class);
        };
    }
}
