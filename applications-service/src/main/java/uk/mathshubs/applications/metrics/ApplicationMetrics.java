package uk.mathshubs.applications.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.micrometer.core.instrument.MeterRegistry;
import uk.mathshubs.applications.domain.eligibility.Outcome;

/**
 * What ops and the NCETM ask of the opening rush, as counters per programme: applications received (by their
 * eligibility outcome) and places given by the allocator (accepted or waitlisted). Counted once committed.
 */
@ApplicationScoped
public class ApplicationMetrics {

    static final String RECEIVED = "mathshubs.applications.received";
    static final String ALLOCATED = "mathshubs.applications.allocated";

    private final MeterRegistry registry;

    public ApplicationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** An application taken in; fired inside the intake's transaction, counted when it commits. */
    public record Received(String programme, Outcome eligibility) {
    }

    void received(@Observes(during = TransactionPhase.AFTER_SUCCESS) Received received) {
        registry.counter(RECEIVED, "programme", received.programme(), "eligibility", received.eligibility().name()).increment();
    }

    /** A batch the allocator placed and committed. */
    public void allocated(String programme, int accepted, int waitlisted) {
        registry.counter(ALLOCATED, "programme", programme, "outcome", "ACCEPTED").increment(accepted);
        registry.counter(ALLOCATED, "programme", programme, "outcome", "WAITLISTED").increment(waitlisted);
    }
}
