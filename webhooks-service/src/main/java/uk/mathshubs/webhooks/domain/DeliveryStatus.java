package uk.mathshubs.webhooks.domain;

public enum DeliveryStatus {
    /** Due at its next attempt (or held until then), or in flight. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Given up: still failing three days after it was due, or the receiver answered 410 Gone. */
    FAILED,
    /** Held (a decision before its release, an offer's reminder) when something later happened to its subject. */
    SUPERSEDED
}
