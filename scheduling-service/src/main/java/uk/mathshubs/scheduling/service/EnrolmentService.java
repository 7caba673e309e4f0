package uk.mathshubs.scheduling.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import uk.mathshubs.contracts.applications.ApplicationAccepted;
import uk.mathshubs.contracts.applications.ApplicationRejected;
import uk.mathshubs.contracts.applications.ApplicationWithdrawn;
import uk.mathshubs.scheduling.domain.Participant;
import uk.mathshubs.scheduling.notifications.SessionNotifications;

/** Enrolling an accepted school's people in the sessions meant for them, and taking them off when it withdraws. */
@ApplicationScoped
@Transactional
public class EnrolmentService {

    private static final Logger LOG = Logger.getLogger(EnrolmentService.class);

    private final Enrolments enrolments;
    private final SessionNotifications notifications;
    private final Clock clock;

    public EnrolmentService(Enrolments enrolments, SessionNotifications notifications, Clock clock) {
        this.enrolments = enrolments;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Safe to apply twice: people are kept by their participantId and enrolment ignores what exists. */
    public void accepted(ApplicationAccepted accepted) {
        int enrolled = 0;
        for (ApplicationAccepted.Participant person : accepted.participants()) {
            Participant participant = Participant.<Participant>findByIdOptional(person.participantId()).orElseGet(() -> {
                Participant created = new Participant();
                created.id = person.participantId();
                created.calendarToken = Participant.newCalendarToken();
                return created;
            });
            participant.applicationId = accepted.applicationId();
            participant.workGroupId = accepted.workGroupId();
            participant.programmeCode = accepted.programmeCode();
            participant.academicYear = accepted.academicYear();
            participant.urn = accepted.urn();
            participant.schoolName = accepted.schoolName();
            participant.role = person.role();
            if (participant.erasedAt == null) { // an erased person's placeholders never replace the nothing kept of them
                participant.name = person.name();
                participant.email = person.email();
                participant.trn = person.trn();
            }
            participant.withdrawnAt = null;
            participant.persistAndFlush();
            int added = enrolments.enrolInExpectedSessions(participant);
            if (added > 0) {
                notifications.enrolled(participant);
            }
            enrolled += added;
        }
        LOG.infof("Application %s accepted: %d people, %d enrolments in Work Group %s", accepted.reference(),
                accepted.participants().size(), enrolled, accepted.workGroupId());
    }

    public void withdrawn(ApplicationWithdrawn withdrawn) {
        stopTakingPart(withdrawn.applicationId(), withdrawn.reference(), withdrawn.withdrawnAt(), "withdrawn");
    }

    /** A hub rejecting a school that held a place ends its part as a withdrawal does; other rejections enrolled nobody. */
    public void rejected(ApplicationRejected rejected) {
        if (rejected.placeReleased()) {
            stopTakingPart(rejected.applicationId(), rejected.reference(), rejected.rejectedAt(), "rejected");
        }
    }

    /** The school's people stop taking part: off every session still to come; past ones stay on record. */
    private void stopTakingPart(UUID applicationId, String reference, Instant at, String why) {
        int people = Participant.update("withdrawnAt = ?1 where applicationId = ?2 and withdrawnAt is null", at,
                applicationId);
        int removed = enrolments.removeFromSessionsAfter(applicationId, clock.instant());
        LOG.infof("Application %s %s: %d people, %d enrolments in sessions to come removed", reference, why, people,
                removed);
    }
}
