package uk.mathshubs.catalogue.domain;

import java.util.EnumSet;
import java.util.Set;

/** A Work Group's lifecycle: draft → open → closed → running → completed, and cancelled from any live state. */
public enum WorkGroupStatus {
    DRAFT, OPEN, CLOSED, RUNNING, COMPLETED, CANCELLED;

    public Set<WorkGroupStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(OPEN, CANCELLED);
            // A hub may reopen a group it closed early, until it starts running.
            case OPEN -> EnumSet.of(CLOSED, CANCELLED);
            case CLOSED -> EnumSet.of(OPEN, RUNNING, CANCELLED);
            case RUNNING -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(WorkGroupStatus.class);
        };
    }

    public boolean canMoveTo(WorkGroupStatus target) {
        return next().contains(target);
    }

    /** Published Work Groups are visible to everyone; drafts only to their hub and the NCETM. */
    public boolean isPublished() {
        return this != DRAFT;
    }
}
