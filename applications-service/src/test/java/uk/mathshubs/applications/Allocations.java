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

    /**
     * Waits until every eligible application the group places now (first come first served, or closed) is placed, and
     * every application to it acknowledged (its "received" mail and confirmation links written).
     */
    static void settled(UUID group) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            WorkGroup workGroup = WorkGroup.findById(group);
            boolean placesNow = workGroup.isFirstComeFirstServed() || !"OPEN".equals(workGroup.status);
            boolean placed = !placesNow || Application.count("workGroupId = ?1 and status = ?2 and eligibilityOutcome = ?3", group,
                    ApplicationStatus.SUBMITTED, Outcome.ELIGIBLE) == 0;
            Number unacknowledged = (Number) Application.getEntityManager().createNativeQuery("""
                    SELECT count(*) FROM acknowledgement_due d JOIN application a ON a.id = d.application_id
                    WHERE a.work_group_id = :group""").setParameter("group", group).getSingleResult();
            return placed && unacknowledged.intValue() == 0;
        }));
    }
}
