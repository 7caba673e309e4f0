package uk.mathshubs.scheduling.notifications;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import uk.mathshubs.kit.mail.UkDates;
import uk.mathshubs.scheduling.domain.Participant;

/**
 * "Decisions are released on" the confirmation date, and a session invitation tells a school it has a place: until
 * that date (UK time) nobody in a Work Group is mailed about its sessions ({@link SessionNotifications} holds them).
 * On the day, each person still taking part gets an invitation to every session still to come, as the sessions stand
 * then (moves and cancellations before the day are nobody's news). Each group is released once, by one instance.
 */
@ApplicationScoped
public class InvitationRelease {

    private static final Logger LOG = Logger.getLogger(InvitationRelease.class);

    private final SessionNotifications notifications;
    private final EntityManager entityManager;
    private final Clock clock;

    public InvitationRelease(SessionNotifications notifications, EntityManager entityManager, Clock clock) {
        this.notifications = notifications;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Scheduled(every = "${notifications.decision-check:1m}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        release();
    }

    /** Releases every Work Group whose confirmation date has come; returns how many. */
    @Transactional
    public int release() {
        return release("", null);
    }

    /** The same for one group whose copy just arrived or changed: a confirmation date already past releases it now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseIfDue(UUID workGroupId) {
        entityManager.flush(); // the copy just written
        release(" AND id = :group", workGroupId);
    }

    private int release(String onlyGroup, UUID workGroupId) {
        // The update takes each row's lock: an instance releasing the same group at the same moment finds it released.
        var update = entityManager.createNativeQuery("""
                        UPDATE work_group SET decisions_released_at = :now
                        WHERE decisions_released_at IS NULL AND confirmation_date <= :today%s
                        RETURNING id""".formatted(onlyGroup))
                .setParameter("now", clock.instant())
                .setParameter("today", UkDates.today(clock.instant()));
        if (workGroupId != null) {
            update.setParameter("group", workGroupId);
        }
        @SuppressWarnings("unchecked")
        List<UUID> groups = update.getResultList();
        for (UUID group : groups) {
            List<Participant> people = Participant.list("workGroupId = ?1 and withdrawnAt is null order by id", group);
            people.forEach(notifications::enrolled);
            LOG.infof("Decisions released for Work Group %s: %d people invited to their sessions", group, people.size());
        }
        return groups.size();
    }
}
