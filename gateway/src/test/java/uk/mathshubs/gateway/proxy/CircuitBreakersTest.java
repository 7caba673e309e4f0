package uk.mathshubs.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import uk.mathshubs.gateway.routing.Upstream;

class CircuitBreakersTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreakers breakers = new CircuitBreakers(3, Duration.ofSeconds(10), now::get);

    @Test
    void threeCallsInARowWithoutAnswerOpenTheCircuitForTenSeconds() {
        breakers.unanswered(Upstream.APPLICATIONS);
        breakers.unanswered(Upstream.APPLICATIONS);
        assertThat(breakers.refusal(Upstream.APPLICATIONS)).isEmpty();
        breakers.unanswered(Upstream.APPLICATIONS);

        assertThat(breakers.refusal(Upstream.APPLICATIONS)).contains(Duration.ofSeconds(10));
        assertThat(breakers.refusal(Upstream.CATALOGUE)).as("other services are not affected").isEmpty();
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(breakers.refusal(Upstream.APPLICATIONS)).contains(Duration.ofSeconds(6));
    }

    @Test
    void afterTheWaitOneTrialCallDecides() {
        for (int i = 0; i < 3; i++) {
            breakers.unanswered(Upstream.SCHEDULING);
        }
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(breakers.refusal(Upstream.SCHEDULING)).as("the trial").isEmpty();
        assertThat(breakers.refusal(Upstream.SCHEDULING)).as("while the trial is out").isPresent();

        breakers.unanswered(Upstream.SCHEDULING);
        assertThat(breakers.refusal(Upstream.SCHEDULING)).as("trial failed: open again").contains(Duration.ofSeconds(10));

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(breakers.refusal(Upstream.SCHEDULING)).isEmpty();
        breakers.answered(Upstream.SCHEDULING);
        assertThat(breakers.refusal(Upstream.SCHEDULING)).as("trial answered: closed").isEmpty();
        assertThat(breakers.refusal(Upstream.SCHEDULING)).isEmpty();
    }

    @Test
    void anAnswerInBetweenStartsTheCountAgain() {
        breakers.unanswered(Upstream.CATALOGUE);
        breakers.unanswered(Upstream.CATALOGUE);
        breakers.answered(Upstream.CATALOGUE);
        breakers.unanswered(Upstream.CATALOGUE);
        breakers.unanswered(Upstream.CATALOGUE);
        assertThat(breakers.refusal(Upstream.CATALOGUE)).isEmpty();
    }
}
