package uk.mathshubs.applications.allocation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.LockOptions;

import io.quarkus.panache.common.Sort;
import uk.mathshubs.applications.config.ApplicationsConfig;
import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.applications.domain.ApplicationDecision;
import uk.mathshubs.applications.domain.ApplicationStatus;
import uk.mathshubs.applications.domain.WorkGroup;
import uk.mathshubs.applications.events.ApplicationEvents;
import uk.mathshubs.kit.problem.ProblemException;

/**
 * "A place given up goes to the next school waiting": offered to the first school on the waiting list and held for it
 * for {@code applications.offer-hold}; taken up, declined, or left to expire, when it goes to the next.
 */
@ApplicationScoped
@Transactional
public class Offers {

    private final Places places;
    private final ApplicationEvents events;
    private final Clock clock;
    private final ApplicationsConfig config;

    public Offers(Places places, ApplicationEvents events, Clock clock, ApplicationsConfig config) {
        this.places = places;
        this.events = events;
        this.clock = clock;
        this.config = config;
    }

    /**
     * A place given up (withdrawn, rejected, declined, expired) goes to the next school waiting: as an offer it must
     * take up in time once decisions are released, as a place before then.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void passOn(UUID workGroupId) {
        places.release(workGroupId);
        offerNext(WorkGroup.findById(workGroupId));
    }

    /** Places freed by a bigger capacity go to the schools waiting. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void offerFreePlaces(UUID workGroupId) {
        WorkGroup group = WorkGroup.findById(workGroupId);
        while (offerNext(group)) {
            // each offer takes one free place
        }
    }

    /** The school takes up the place it was offered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void take(Application application, String by) {
        requireOffered(application);
        application.moveTo(ApplicationStatus.ACCEPTED, null, by, clock.instant());
        events.accepted(application, WorkGroup.findById(application.workGroupId));
    }

    /** The school declines the place it was offered, with its reason's code and text: it goes to the next school. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void decline(Application application, String reasonCode, String reason, String by) {
        requireOffered(application);
        application.leave(ApplicationStatus.DECLINED, reasonCode, reason, by, clock.instant());
        events.offerDeclined(application);
        passOn(application.workGroupId);
    }

    /** Offers whose hold has run out go to the next school waiting. Returns how many expired. */
    public int expire() {
        Instant now = clock.instant();
        // Locked and skipped if locked: another instance expiring the same offers takes the others, never the same one.
        List<Application> expired = Application.find("status = ?1 and offerExpiresAt <= ?2", Sort.by("offerExpiresAt"),
                        ApplicationStatus.OFFERED, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .list();
        for (Application application : expired) {
            application.moveTo(ApplicationStatus.EXPIRED, "the offer was not taken up in time", ApplicationDecision.PLATFORM, now);
            events.offerExpired(application);
            passOn(application.workGroupId);
        }
        return expired.size();
    }

    private boolean offerNext(WorkGroup group) {
        // Take the place first: that locks the Work Group's row, so two places freed at once go to two schools.
        if (!places.take(group.id)) {
            return false;
        }
        Optional<Application> next = places.firstWaiting(group.id);
        if (next.isEmpty()) {
            places.release(group.id);
            return false;
        }
        Application application = next.get();
        Instant now = clock.instant();
        if (!group.decisionsReleasedAt(now)) {
            // No school has heard a decision yet, so there is nothing to offer and no hold to count down: the place
            // simply goes to the next school in line, which hears it on the confirmation date with everyone else.
            application.moveTo(ApplicationStatus.ACCEPTED, null, ApplicationDecision.PLATFORM, now);
            places.leaveWaitingList(group.id, 1);
            events.accepted(application, group);
            return true;
        }
        application.moveTo(ApplicationStatus.OFFERED, null, ApplicationDecision.PLATFORM, now);
        application.offerExpiresAt = now.plus(config.offerHold());
        places.leaveWaitingList(group.id, 1);
        events.offered(application, group);
        return true;
    }

    private static void requireOffered(Application application) {
        if (application.status != ApplicationStatus.OFFERED) {
            throw ProblemException.conflict("no-offer", "No offer to answer",
                    "Application " + application.reference + " is " + application.status + ", not OFFERED");
        }
    }
}
