package uk.mathshubs.applications;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;

import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.applications.domain.ApplicationStatus;
import uk.mathshubs.applications.domain.WorkGroup;
import uk.mathshubs.applications.domain.eligibility.Outcome;

/** The allocator works behind the requests: tests wait for it as a hub admin would, by looking again. */
final class Allocations {

    private Allocations() {
    }

    /** Waits until every eligible application the group places now (first come first served, or closed) is placed. */
    static void settled(UUID group) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            WorkGroup workGroup = WorkGroup.findById(group);
            boolean placesNow = workGroup.isFirstComeFirstServed() || !"OPEN".equals(workGroup.status);
            return !placesNow || Application.count("workGroupId = ?1 and status = ?2 and eligibilityOutcome = ?3", group,
                    ApplicationStatus.SUBMITTED, Outcome.ELIGIBLE) == 0;
        }));
    }
}
