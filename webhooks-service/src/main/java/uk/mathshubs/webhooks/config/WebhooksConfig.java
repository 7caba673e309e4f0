package uk.mathshubs.webhooks.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "webhooks")
public interface WebhooksConfig {

    /** The gateway's public address: the links in a message point there. */
    URI publicBaseUrl();

    /**
     * Receivers on http and on loopback or private addresses: for a developer's machine, the sandbox and the tests only.
     * Off in every real deployment, so that a subscription cannot be turned against the platform's own services.
     */
    @WithDefault("false")
    boolean allowLocalReceivers();

    /** How long a receiver has to answer before the attempt counts as failed. */
    @WithDefault("10s")
    Duration timeout();

    /**
     * Requests in flight to one subscription at a time: a slow receiver holds up only itself, and a quick one takes a
     * hundred messages a second (BENCHMARKS.md, webhook-latency).
     */
    @WithDefault("16")
    int inFlightPerSubscription();

    /** The wait before the first retry; each retry after waits twice as long, with jitter, up to {@link #longestWait()}. */
    @WithDefault("5s")
    Duration firstRetry();

    @WithDefault("6h")
    Duration longestWait();

    /** How long a failing delivery is retried before it is given up. */
    @WithDefault("3d")
    Duration retryFor();

    /** How long the secret before a rotation still signs, so a receiver can change over without losing a message. */
    @WithDefault("24h")
    Duration rotationGrace();

    /** How long before an offer expires its reminder goes. */
    @WithDefault("24h")
    Duration offerReminder();

    /** How long the log keeps a delivery that is over (delivered, given up, superseded), and a message none still needs. */
    @WithDefault("30d")
    Duration keepFor();

    /** Subscriptions one client may hold. */
    @WithDefault("20")
    int subscriptionsPerClient();
}
