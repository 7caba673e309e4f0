package uk.mathshubs.applications.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "applications")
public interface ApplicationsConfig {

    /** How long a place offered from the waiting list is held for the school before it goes to the next one. */
    @WithDefault("48h")
    Duration offerHold();

    /** How often expired holds are looked for (read by the scheduler in {@code OfferExpiry}). */
    @WithDefault("1m")
    String offerExpiryCheck();

    /**
     * Where a confirmation link points, followed by the person's token: a hub website page that shows the expectations
     * and posts to {@code /api/v1/confirmations/{token}}.
     */
    @WithDefault("http://localhost:8080/api/v1/confirmations/")
    String confirmationLink();

    SchoolRegisterConfig schoolRegister();

    AllocatorConfig allocator();

    IntakeConfig intake();

    interface IntakeConfig {

        /**
         * How many transactions write received applications at once ({@code IntakeWriter}): one commits while the next
         * batch gathers. More only helps with more cores for the service and PostgreSQL.
         */
        @WithDefault("2")
        int writers();

        /** At most how many applications one intake transaction writes. */
        @WithDefault("100")
        int batchSize();
    }

    interface AllocatorConfig {

        /** How often the allocator looks for work besides after each intake (read by the scheduler in {@code Allocator}). */
        @WithDefault("1s")
        String pollInterval();

        /** How long after an intake commits the allocator starts: under a rush, many applications go in one batch. */
        @WithDefault("20ms")
        Duration linger();

        /**
         * How long the allocator makes way for a rush at most: less than the relays (kit.relay.yield-at-most), so that
         * places follow the last answer within seconds rather than after the rush's events and mails.
         */
        @WithDefault("2s")
        Duration yieldAtMost();

        /**
         * How long after the last application the allocator takes the rush for over: shorter than the relays'
         * (kit.relay.quiet-period), so that it places the rush's last applications before they send its events and mails.
         */
        @WithDefault("200ms")
        Duration quietPeriod();
    }

    interface SchoolRegisterConfig {

        /** Load the sample register and history (src/main/resources/schools) into an empty register: never in production. */
        @WithDefault("false")
        boolean loadSample();
    }
}
