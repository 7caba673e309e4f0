package uk.mathshubs.applications.service;

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
import uk.mathshubs.applications.domain.ApplicationStatus;
import uk.mathshubs.applications.domain.WorkGroup;
import uk.mathshubs.applications.domain.eligibility.Outcome;
import uk.mathshubs.applications.events.ApplicationEvents;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.security.Caller;

/**
 * Everything that happens to an application after it is submitted: the hub's decisions, the school's withdrawal,
 * places offered from the waiting list (held for a while, then passed on), and allocation at close for Work Groups
 * that rank schools by priority.
 */
@ApplicationScoped
@Transactional
public class Decisions {

    /** Who made a step the platform took by itself (allocation at close, an offer expiring). */
    static final String PLATFORM = "platform";

    private final Allocation allocation;
    private final ApplicationEvents events;
    private final ApplicationAccess access;
    private final Caller caller;
    private final Clock clock;
    private final ApplicationsConfig config;

    public Decisions(Allocation allocation, ApplicationEvents events, ApplicationAccess access, Caller caller, Clock clock,
            ApplicationsConfig config) {
        this.allocation = allocation;
        this.events = events;
        this.access = access;
        this.caller = caller;
        this.clock = clock;
        this.config = config;
    }

    /**
     * The hub gives the school a place: after reviewing it, overriding an ineligible outcome, or ahead of the
     * waiting list. Only into a free place; a full Work Group is a conflict, never an overbooking.
     */
    public Application accept(String reference, String reason) {
        Application application = access.forHub(reference);
        WorkGroup group = workGroup(application);
        String why = requireReasonFor(application, reason);
        boolean heldPlace = application.status.holdsPlace();
        if (!heldPlace && !allocation.takePlace(group.id)) {
            throw ProblemException.conflict("no-places-left", "No places left",
                    "All " + group.capacity + " places of this Work Group are taken; reject or withdraw another school first");
        }
        Integer position = application.waitingListPosition;
        application.moveTo(ApplicationStatus.ACCEPTED, why, caller.name(), clock.instant());
        if (position != null) {
            allocation.leaveWaitingList(group.id, position);
        }
        events.accepted(application, group);
        return application;
    }

    /** The hub turns the application down; a place the school held goes to the next school waiting. */
    public Application reject(String reference, String reason) {
        Application application = access.forHub(reference);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "a rejection needs a reason the school can read");
        }
        leave(application, ApplicationStatus.REJECTED, reason.strip(), caller.name());
        return application;
    }

    /** The school (or its hub for it) gives up its application, its place or its place in the queue. */
    public Application withdraw(String reference, Optional<String> secret, String reason) {
        Application application = access.forSchoolOrHub(reference, secret);
        leave(application, ApplicationStatus.WITHDRAWN, reason == null || reason.isBlank() ? null : reason.strip(),
                secret.isPresent() ? "school" : caller.name());
        return application;
    }

    public Application acceptOffer(String reference, Optional<String> secret) {
        Application application = access.forSchoolOrHub(reference, secret);
        requireOffered(application);
        application.moveTo(ApplicationStatus.ACCEPTED, null, secret.isPresent() ? "school" : caller.name(), clock.instant());
        events.accepted(application, workGroup(application));
        return application;
    }

    public Application declineOffer(String reference, Optional<String> secret) {
        Application application = access.forSchoolOrHub(reference, secret);
        requireOffered(application);
        application.moveTo(ApplicationStatus.DECLINED, null, secret.isPresent() ? "school" : caller.name(), clock.instant());
        events.offerDeclined(application);
        passOnPlace(workGroup(application));
        return application;
    }

    /** Offers whose hold has run out go to the next school waiting. Returns how many expired. */
    public int expireOffers() {
        Instant now = clock.instant();
        // Locked and skipped if locked: another instance expiring the same offers takes the others, never the same one.
        List<Application> expired = Application.find("status = ?1 and offerExpiresAt <= ?2", Sort.by("offerExpiresAt"),
                        ApplicationStatus.OFFERED, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .list();
        for (Application application : expired) {
            application.moveTo(ApplicationStatus.EXPIRED, "the offer was not taken up in time", PLATFORM, now);
            events.offerExpired(application);
            passOnPlace(workGroup(application));
        }
        return expired.size();
    }

    /**
     * Priority rules, when a Work Group closes: eligible schools in order of priority, then of submission, take the
     * places; the rest wait in that order. Applications already decided are left alone, so a repeat changes nothing.
     */
    public int allocateByPriority(UUID workGroupId) {
        WorkGroup group = WorkGroup.findById(workGroupId);
        List<Application> waiting = Application.list("workGroupId = ?1 and status = ?2 and eligibilityOutcome = ?3",
                Sort.by("priority").and("submittedAt").and("reference"), workGroupId, ApplicationStatus.SUBMITTED, Outcome.ELIGIBLE);
        for (Application application : waiting) {
            place(application, group, PLATFORM);
        }
        return waiting.size();
    }

    /** A place for an eligible school if one is free, otherwise the next place in the queue. */
    void place(Application application, WorkGroup group, String decidedBy) {
        if (allocation.takePlace(group.id)) {
            application.moveTo(ApplicationStatus.ACCEPTED, null, decidedBy, clock.instant());
            events.accepted(application, group);
        } else {
            int position = allocation.joinWaitingList(group.id);
            application.moveTo(ApplicationStatus.WAITLISTED, null, decidedBy, clock.instant());
            application.waitingListPosition = position;
            events.waitlisted(application);
        }
    }

    /** Places freed by a bigger capacity go to the schools waiting. */
    public void offerFreePlaces(UUID workGroupId) {
        WorkGroup group = WorkGroup.findById(workGroupId);
        while (offerNext(group)) {
            // each offer takes one free place
        }
    }

    private void leave(Application application, ApplicationStatus to, String reason, String decidedBy) {
        boolean placeReleased = application.status.holdsPlace();
        Integer position = application.waitingListPosition;
        application.moveTo(to, reason, decidedBy, clock.instant());
        WorkGroup group = workGroup(application);
        if (position != null) {
            allocation.leaveWaitingList(group.id, position);
        }
        if (to == ApplicationStatus.REJECTED) {
            events.rejected(application, placeReleased);
        } else {
            events.withdrawn(application, placeReleased);
        }
        if (placeReleased) {
            passOnPlace(group);
        }
    }

    /** A place given up goes to the next school waiting, held for it for the configured time. */
    private void passOnPlace(WorkGroup group) {
        allocation.releasePlace(group.id);
        offerNext(group);
    }

    private boolean offerNext(WorkGroup group) {
        // Take the place first: that locks the Work Group's row, so two places freed at once go to two schools.
        if (!allocation.takePlace(group.id)) {
            return false;
        }
        Optional<Application> next = allocation.firstWaiting(group.id);
        if (next.isEmpty()) {
            allocation.releasePlace(group.id);
            return false;
        }
        Application application = next.get();
        application.moveTo(ApplicationStatus.OFFERED, null, PLATFORM, clock.instant());
        application.offerExpiresAt = clock.instant().plus(config.offerHold());
        allocation.leaveWaitingList(group.id, 1);
        events.offered(application);
        return true;
    }

    private static void requireOffered(Application application) {
        if (application.status != ApplicationStatus.OFFERED) {
            throw ProblemException.conflict("no-offer", "No offer to answer",
                    "Application " + application.reference + " is " + application.status + ", not OFFERED");
        }
    }

    /** Overriding the rules or skipping the queue must say why; a plain acceptance after review need not. */
    private static String requireReasonFor(Application application, String reason) {
        boolean override = application.status == ApplicationStatus.INELIGIBLE || application.status == ApplicationStatus.WAITLISTED;
        if (override && (reason == null || reason.isBlank())) {
            throw ProblemException.invalidField("reason", "accepting a " + application.status.name().toLowerCase()
                    + " application overrides the rules and needs a reason");
        }
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    private static WorkGroup workGroup(Application application) {
        return WorkGroup.findById(application.workGroupId);
    }
}
