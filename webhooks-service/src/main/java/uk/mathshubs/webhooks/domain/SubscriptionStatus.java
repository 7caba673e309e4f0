package uk.mathshubs.webhooks.domain;

public enum SubscriptionStatus {
    /** Told of what it subscribed to. */
    ACTIVE,
    /** Told of nothing: the receiver answered 410 Gone. Its pending deliveries wait; deleting it drops them. */
    DISABLED
}
