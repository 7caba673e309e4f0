package uk.mathshubs.applications.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import uk.mathshubs.applications.domain.Application;

/**
 * The places of a Work Group and its waiting list. Each step is one guarded UPDATE on the Work Group's row, so
 * concurrent applications queue on that row's lock and no interleaving — across threads or service instances —
 * can overbook; the {@code work_group_never_overbooked} constraint stands behind it. Statuses are the caller's
 * business; this class only counts.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Allocation {

    private final EntityManager entityManager;

    public Allocation(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Takes a place if one is free. */
    public boolean takePlace(UUID workGroupId) {
        return entityManager.createNativeQuery(
                        "UPDATE work_group SET places_allocated = places_allocated + 1 WHERE id = :id AND places_allocated < capacity")
                .setParameter("id", workGroupId)
                .executeUpdate() == 1;
    }

    public void releasePlace(UUID workGroupId) {
        entityManager.createNativeQuery(
                        "UPDATE work_group SET places_allocated = places_allocated - 1 WHERE id = :id AND places_allocated > 0")
                .setParameter("id", workGroupId)
                .executeUpdate();
    }

    /** The next position on the waiting list (1 for the first school waiting). */
    public int joinWaitingList(UUID workGroupId) {
        Number position = (Number) entityManager.createNativeQuery(
                        "UPDATE work_group SET waiting_list_length = waiting_list_length + 1 WHERE id = :id RETURNING waiting_list_length")
                .setParameter("id", workGroupId)
                .getSingleResult();
        return position.intValue();
    }

    /** The school at {@code position} leaves the list; everyone behind it moves up one, so the list stays 1..n. */
    public void leaveWaitingList(UUID workGroupId, int position) {
        lockWorkGroup(workGroupId);
        entityManager.createNativeQuery(
                        "UPDATE application SET waiting_list_position = waiting_list_position - 1 "
                                + "WHERE work_group_id = :id AND waiting_list_position > :position")
                .setParameter("id", workGroupId)
                .setParameter("position", position)
                .executeUpdate();
        entityManager.createNativeQuery("UPDATE work_group SET waiting_list_length = waiting_list_length - 1 WHERE id = :id")
                .setParameter("id", workGroupId)
                .executeUpdate();
    }

    /** The school first in the queue, if any. Call with the Work Group's row locked (after any of the updates above). */
    public Optional<Application> firstWaiting(UUID workGroupId) {
        return Application.find("workGroupId = ?1 and waitingListPosition = 1", workGroupId).firstResultOptional();
    }

    private void lockWorkGroup(UUID workGroupId) {
        entityManager.createNativeQuery("SELECT 1 FROM work_group WHERE id = :id FOR UPDATE")
                .setParameter("id", workGroupId)
                .getSingleResult();
    }
}
