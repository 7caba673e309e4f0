package uk.mathshubs.applications.allocation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.applications.events.ApplicationEvents;
import uk.mathshubs.contracts.applications.ApplicationWaitingListMoved;

/**
 * A Work Group's places and its waiting list, counted on its row in this service: every change is a guarded UPDATE
 * of that row, so two changes to one group (the allocator's batch, a hub's decision, a withdrawal) happen one after
 * the other, across threads and instances, and the {@code work_group_never_overbooked} constraint stands behind them.
 * Statuses are the caller's business; this class counts, and keeps the waiting list numbered 1..n, telling the other
 * services of every school that moves up it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Places {

    private final EntityManager entityManager;
    private final ApplicationEvents events;

    public Places(EntityManager entityManager, ApplicationEvents events) {
        this.entityManager = entityManager;
        this.events = events;
    }

    /** How a Work Group stands, its row locked until the transaction ends. */
    public record Count(int capacity, int allocated, int waiting) {

        public int free() {
            return Math.max(0, capacity - allocated);
        }
    }

    /**
     * The group's count, locked for the allocator; empty when another transaction holds it (try again later). NO KEY
     * UPDATE, as the counters' own updates take: a plain FOR UPDATE would also stop every intake, whose new
     * application's foreign key shares a lock on this row, for the whole batch.
     */
    public Optional<Count> lockUnlessBusy(UUID workGroupId) {
        @SuppressWarnings("unchecked")
        var rows = (List<Object[]>) entityManager.createNativeQuery("""
                        SELECT capacity, places_allocated, waiting_list_length FROM work_group WHERE id = :id
                        FOR NO KEY UPDATE SKIP LOCKED""")
                .setParameter("id", workGroupId)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Count(((Number) row[0]).intValue(), ((Number) row[1]).intValue(),
                ((Number) row[2]).intValue()));
    }

    /** A batch's places taken and schools added to the waiting list, in one update. */
    public void add(UUID workGroupId, int placesTaken, int joinedWaitingList) {
        entityManager.createNativeQuery("""
                        UPDATE work_group SET places_allocated = places_allocated + :taken,
                            waiting_list_length = waiting_list_length + :joined
                        WHERE id = :id""")
                .setParameter("taken", placesTaken)
                .setParameter("joined", joinedWaitingList)
                .setParameter("id", workGroupId)
                .executeUpdate();
    }

    /** Takes a place if one is free. */
    public boolean take(UUID workGroupId) {
        return entityManager.createNativeQuery(
                        "UPDATE work_group SET places_allocated = places_allocated + 1 WHERE id = :id AND places_allocated < capacity")
                .setParameter("id", workGroupId)
                .executeUpdate() == 1;
    }

    public void release(UUID workGroupId) {
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

    /**
     * The school at {@code position} leaves the list; everyone behind it moves up one, so the list stays 1..n, and each
     * move is an event: the NCETM's feed shows every school's place as it is now, not as it was when the school joined.
     */
    public void leaveWaitingList(UUID workGroupId, int position) {
        lock(workGroupId);
        @SuppressWarnings("unchecked")
        List<Object[]> moved = entityManager.createNativeQuery("""
                        UPDATE application SET waiting_list_position = waiting_list_position - 1
                        WHERE work_group_id = :id AND waiting_list_position > :position
                        RETURNING id, reference, urn, waiting_list_position""")
                .setParameter("id", workGroupId)
                .setParameter("position", position)
                .getResultList();
        entityManager.createNativeQuery("UPDATE work_group SET waiting_list_length = waiting_list_length - 1 WHERE id = :id")
                .setParameter("id", workGroupId)
                .executeUpdate();
        events.movedUp(moved.stream()
                .map(row -> new ApplicationWaitingListMoved((UUID) row[0], (String) row[1], workGroupId, (String) row[2],
                        ((Number) row[3]).intValue()))
                .sorted(Comparator.comparingInt(ApplicationWaitingListMoved::position))
                .toList());
    }

    /** The school first in the queue, if any. Call with the Work Group's row locked (after any of the updates above). */
    public Optional<Application> firstWaiting(UUID workGroupId) {
        return Application.find("workGroupId = ?1 and waitingListPosition = 1", workGroupId).firstResultOptional();
    }

    private void lock(UUID workGroupId) {
        entityManager.createNativeQuery("SELECT 1 FROM work_group WHERE id = :id FOR NO KEY UPDATE")
                .setParameter("id", workGroupId)
                .getSingleResult();
    }
}
