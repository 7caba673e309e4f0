package uk.mathshubs.applications.allocation;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Passes on the places whose hold ran out. Safe with several instances: each offer is locked while it expires, and skipped by the others. */
@ApplicationScoped
public class OfferExpiry {

    private static final Logger LOG = Logger.getLogger(OfferExpiry.class);

    private final Offers offers;

    public OfferExpiry(Offers offers) {
        this.offers = offers;
    }

    @Scheduled(every = "${applications.offer-expiry-check:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireOffers() {
        int expired = offers.expire();
        if (expired > 0) {
            LOG.infof("%d offered places expired and went to the next schools waiting", expired);
        }
    }
}
