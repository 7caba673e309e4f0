package uk.mathshubs.applications.allocation;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * First come, first served: the order applications arrive in is a number each takes from a database sequence when it
 * is received (no ties, no wall clocks). Numbers are taken in one order and committed in another, so the allocator
 * must not place number 7 while number 6 is still being written. Each intake therefore holds its Work Group's gate in
 * shared mode from before it takes its numbers until it commits (intakes never wait for each other on it), and the
 * allocator, to learn how far it may go, takes the gate exclusively for an instant: by then every intake that took a
 * number so far has committed or rolled back.
 */
@ApplicationScoped
public class ArrivalOrder {

    private final EntityManager entityManager;

    public ArrivalOrder(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The places in the order of applications received together, one number each, ascending in the order given, inside
     * the intake's transaction (which then holds the gate of each of their Work Groups).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long[] take(List<UUID> workGroupIds) {
        // The gates are taken before the numbers. Shared gates never wait for each other; the allocator holds one
        // exclusively only for an instant and waits for nothing while it does, so several gates cannot deadlock.
        workGroupIds.stream().distinct().forEach(group -> entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock_shared(:gate)").setParameter("gate", gate(group))
                .getSingleResult());
        @SuppressWarnings("unchecked")
        List<Number> numbers = entityManager
                .createNativeQuery("SELECT nextval('application_arrival') FROM generate_series(1, :count)")
                .setParameter("count", workGroupIds.size())
                .getResultList();
        return numbers.stream().mapToLong(Number::longValue).sorted().toArray();
    }

    /**
     * The highest number the allocator may place in this Work Group: every application of it numbered up to here has
     * been committed (or will never be). In a transaction of its own, so the gate is held only for an instant.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long horizon(UUID workGroupId) {
        // Safe whichever is read first: a number read before the gate was taken by an intake the gate then waits for.
        return ((Number) entityManager.createNativeQuery("""
                        SELECT last_value FROM application_arrival, (SELECT pg_advisory_xact_lock(:gate)) AS gate""")
                .setParameter("gate", gate(workGroupId))
                .getSingleResult()).longValue();
    }

    /** One advisory lock key per Work Group (a collision only makes two groups share a gate). */
    private static long gate(UUID workGroupId) {
        return workGroupId.getMostSignificantBits() ^ workGroupId.getLeastSignificantBits() ^ 0x696e74616b65L;
    }
}
