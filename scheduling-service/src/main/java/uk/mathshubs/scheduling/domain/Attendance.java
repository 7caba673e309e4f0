package uk.mathshubs.scheduling.domain;

/** What a hub records for one person at one session. Only {@code ATTENDED} counts towards completion. */
public enum Attendance {
    ATTENDED, ABSENT, APOLOGIES
}
