package uk.mathshubs.applications.notifications;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.applications.domain.ApplicationStatus;
import uk.mathshubs.applications.domain.WorkGroup;
import uk.mathshubs.kit.mail.UkDates;

/**
 * "Decisions are confirmed to schools on the confirmation date": on that day (UK time) each Work Group's schools are
 * mailed the decisions made before it, as they then stand (a waiting-list position that moved up since is the one
 * they hear). Once per Work Group, also with several instances: the first to record the announcement mails, the
 * others find it done. Decisions made from that day on are mailed as they are made.
 */
@ApplicationScoped
public class DecisionAnnouncements {

    private static final Logger LOG = Logger.getLogger(DecisionAnnouncements.class);
    /** What the school sees only from the confirmation date, as the application views show it. */
    private static final EnumSet<ApplicationStatus> ANNOUNCED = EnumSet.of(ApplicationStatus.ACCEPTED,
            ApplicationStatus.WAITLISTED, ApplicationStatus.REJECTED);

    private final ApplicationNotifications notifications;
    private final EntityManager entityManager;
    private final Clock clock;

    public DecisionAnnouncements(ApplicationNotifications notifications, EntityManager entityManager, Clock clock) {
        this.notifications = notifications;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Scheduled(every = "${notifications.decision-check:1m}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        int groups = announceDue();
        if (groups > 0) {
            LOG.infof("Decisions of %d Work Groups mailed on their confirmation date", groups);
        }
    }

    /** Mails the decisions of the Work Groups whose confirmation date has come; returns how many groups it announced. */
    @Transactional
    public int announceDue() {
        LocalDate today = UkDates.today(clock.instant());
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager.createNativeQuery("""
                SELECT wg.id FROM work_group wg
                WHERE wg.confirmation_date <= :today
                  AND NOT EXISTS (SELECT 1 FROM decision_announcement d WHERE d.work_group_id = wg.id)
                ORDER BY wg.confirmation_date, wg.id
                LIMIT 20""")
                .setParameter("today", today)
                .getResultList();
        int announced = 0;
        for (UUID id : due) {
            // Recorded first: an instance doing the same waits here for ours to commit, then finds it taken.
            int recorded = entityManager.createNativeQuery("""
                    INSERT INTO decision_announcement (work_group_id, announced_at) VALUES (:group, :now)
                    ON CONFLICT DO NOTHING""")
                    .setParameter("group", id)
                    .setParameter("now", clock.instant())
                    .executeUpdate();
            if (recorded == 0) {
                continue;
            }
            WorkGroup group = WorkGroup.findById(id);
            // Decisions from the day on were mailed as they were made.
            List<Application> decided = Application.list("workGroupId = ?1 and status in ?2 and decidedAt < ?3",
                    Sort.by("arrival"), id, ANNOUNCED, UkDates.startOf(group.confirmationDate));
            decided.forEach(application -> notifications.announce(application, group));
            announced++;
        }
        return announced;
    }
}
