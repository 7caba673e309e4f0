package uk.mathshubs.scheduling.domain;

public enum SessionStatus {
    SCHEDULED, CANCELLED
}
