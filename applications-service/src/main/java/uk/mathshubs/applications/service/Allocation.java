package uk.mathshubs.applications.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.applications.domain.ApplicationStatus;

/**
 * "Places available, first come first served": a place while one is free, otherwise the next place on the
 * waiting list. Each step is one guarded UPDATE on the Work Group's row, so concurrent applications queue
 * on its row lock and no interleaving — across threads or service instances — can overbook; the
 * {@code work_group_never_overbooked} constraint stands behind it.
 */
@ApplicationScoped
public class Allocation {

    private final EntityManager entityManager;
    private final Clock clock;

    public Allocation(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void firstComeFirstServed(Application application) {
        int placeTaken = entityManager.createNativeQuery(
                "UPDATE work_group SET places_allocated = places_allocated + 1 "
                        + "WHERE id = :id AND places_allocated < capacity")
                .setParameter("id", application.workGroupId)
                .executeUpdate();
        if (placeTaken == 1) {
            application.status = ApplicationStatus.ACCEPTED;
            application.decidedAt = clock.instant();
            return;
        }
        Number position = (Number) entityManager.createNativeQuery(
                "UPDATE work_group SET waiting_list_length = waiting_list_length + 1 "
                        + "WHERE id = :id RETURNING waiting_list_length")
                .setParameter("id", application.workGroupId)
                .getSingleResult();
        application.status = ApplicationStatus.WAITLISTED;
        application.waitingListPosition = position.intValue();
    }
}
