package uk.mathshubs.applications.domain;

/** Where an application stands. Priority-rule Work Groups keep applications SUBMITTED until allocation at close. */
public enum ApplicationStatus {
    SUBMITTED, ACCEPTED, WAITLISTED, WITHDRAWN
}
