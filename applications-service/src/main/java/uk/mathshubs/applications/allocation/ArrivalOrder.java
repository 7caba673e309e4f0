package uk.mathshubs.applications.allocation;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * First come, first served: the order applications arrive in is a number each takes from a database sequence when it
 * is received (no ties, no wall clocks). Numbers are taken in one order and committed in another, so the allocator
 * must not place number 7 while number 6 is still being written. Each intake therefore holds its Work Group's gate in
 * shared mode from before it takes its number until it commits (intakes never wait for each other on it), and the
 * allocator, to learn how far it may go, takes the gate exclusively for an instant: by then every intake that took a
 * number so far has committed or rolled back.
 */
@ApplicationScoped
public class ArrivalOrder {

    private final EntityManager entityManager;

    public ArrivalOrder(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The application's place in the order, taken inside the intake's transaction (which then holds the gate). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long take(UUID workGroupId) {
        // The gate in the FROM clause is taken before the number, which needs its row.
        return ((Number) entityManager.createNativeQuery("""
                        SELECT nextval('application_arrival') FROM (SELECT pg_advisory_xact_lock_shared(:gate)) AS gate""")
                .setParameter("gate", gate(workGroupId))
                .getSingleResult()).longValue();
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
