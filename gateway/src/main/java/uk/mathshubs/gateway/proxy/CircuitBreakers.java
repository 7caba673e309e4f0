package uk.mathshubs.gateway.proxy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import uk.mathshubs.gateway.config.GatewayConfig;
import uk.mathshubs.gateway.routing.Upstream;

/**
 * One circuit per service. After {@code failure-threshold} calls in a row that got no answer, the gateway stops
 * calling for {@code open-for} and answers 503 at once (with Retry-After), so callers do not queue on timeouts and a
 * struggling service gets room to recover; then one trial call decides whether to close the circuit again.
 */
@ApplicationScoped
public class CircuitBreakers {

    private static final Logger LOG = Logger.getLogger(CircuitBreakers.class);

    private final Map<Upstream, Circuit> circuits = new EnumMap<>(Upstream.class);

    @Inject
    public CircuitBreakers(GatewayConfig config) {
        this(config.circuitBreaker().failureThreshold(), config.circuitBreaker().openFor(), System::nanoTime);
    }

    CircuitBreakers(int threshold, Duration openFor, LongSupplier nanoTime) {
        for (Upstream upstream : Upstream.values()) {
            circuits.put(upstream, new Circuit(upstream, threshold, openFor.toNanos(), nanoTime));
        }
    }

    /** Empty when the call may go; otherwise how long until the service is tried again. */
    public Optional<Duration> refusal(Upstream upstream) {
        return circuits.get(upstream).refusal();
    }

    public void answered(Upstream upstream) {
        circuits.get(upstream).answered();
    }

    public void unanswered(Upstream upstream) {
        circuits.get(upstream).unanswered();
    }

    private static final class Circuit {

        private final Upstream upstream;
        private final int threshold;
        private final long openForNanos;
        private final LongSupplier nanoTime;
        private int failuresInARow;
        private long openedAt;
        private boolean open;
        private boolean trialInFlight;

        Circuit(Upstream upstream, int threshold, long openForNanos, LongSupplier nanoTime) {
            this.upstream = upstream;
            this.threshold = threshold;
            this.openForNanos = openForNanos;
            this.nanoTime = nanoTime;
        }

        synchronized Optional<Duration> refusal() {
            if (!open) {
                return Optional.empty();
            }
            long waited = nanoTime.getAsLong() - openedAt;
            if (waited < openForNanos) {
                return Optional.of(Duration.ofNanos(openForNanos - waited));
            }
            if (trialInFlight) {
                return Optional.of(Duration.ofSeconds(1));
            }
            trialInFlight = true;
            return Optional.empty();
        }

        synchronized void answered() {
            if (open) {
                LOG.infof("The %s service answers again: circuit closed", upstream.serviceName());
            }
            open = false;
            trialInFlight = false;
            failuresInARow = 0;
        }

        synchronized void unanswered() {
            failuresInARow++;
            if (trialInFlight || (!open && failuresInARow >= threshold)) {
                if (!open) {
                    LOG.warnf("The %s service did not answer %d times in a row: circuit open", upstream.serviceName(),
                            failuresInARow);
                }
                open = true;
                trialInFlight = false;
                openedAt = nanoTime.getAsLong();
            }
        }
    }
}
