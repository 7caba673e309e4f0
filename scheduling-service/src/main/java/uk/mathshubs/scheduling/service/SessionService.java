package uk.mathshubs.scheduling.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import uk.mathshubs.contracts.AcademicYear;
import uk.mathshubs.kit.ids.TimeOrderedIds;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.reasons.ReasonCodes;
import uk.mathshubs.kit.security.Caller;
import uk.mathshubs.scheduling.api.CentralSessionRequest;
import uk.mathshubs.scheduling.api.RescheduleRequest;
import uk.mathshubs.scheduling.api.SessionDetails;
import uk.mathshubs.scheduling.api.SessionRequest;
import uk.mathshubs.scheduling.domain.Session;
import uk.mathshubs.scheduling.domain.SessionStatus;
import uk.mathshubs.scheduling.domain.Term;
import uk.mathshubs.scheduling.domain.UkTime;
import uk.mathshubs.scheduling.domain.WorkGroup;
import uk.mathshubs.scheduling.events.SchedulingEvents;
import uk.mathshubs.scheduling.notifications.SessionNotifications;

/**
 * Scheduling sessions: a hub its own Work Groups' local sessions, the NCETM the central ones of a programme
 * and year. The people already expected at a new session are enrolled in the same transaction, and invited by email;
 * a move or a cancellation is mailed to them too ({@link SessionNotifications}).
 */
@ApplicationScoped
@Transactional
public class SessionService {

    private static final Sort BY_START = Sort.by("startsAt").and("title").and("id");

    private final Enrolments enrolments;
    private final SchedulingEvents events;
    private final Caller caller;
    private final Clock clock;
    private final EntityManager entityManager;
    private final SessionNotifications notifications;
    private final ReasonCodes reasons;

    public SessionService(Enrolments enrolments, SchedulingEvents events, Caller caller, Clock clock,
            EntityManager entityManager, SessionNotifications notifications, ReasonCodes reasons) {
        this.entityManager = entityManager;
        this.reasons = reasons;
        this.notifications = notifications;
        this.enrolments = enrolments;
        this.events = events;
        this.caller = caller;
        this.clock = clock;
    }

    /** A local session; empty when this service has not heard of the Work Group. */
    public Optional<Session> scheduleLocal(UUID workGroupId, SessionRequest request) {
        return WorkGroup.<WorkGroup>findByIdOptional(workGroupId).map(group -> {
            mustManage(group);
            Session session = newSession(request, group.programmeCode, AcademicYear.parse(group.academicYear));
            session.workGroupId = group.id;
            return schedule(session);
        });
    }

    /** Moves a session still to come; its people stay enrolled and their calendars update the same event. */
    public Optional<Session> reschedule(UUID id, RescheduleRequest request) {
        return Session.<Session>findByIdOptional(id).map(session -> {
            mustManage(session);
            mustBeStillToCome(session, "moved");
            AcademicYear year = AcademicYear.parse(session.academicYear);
            Instant startsAt = instant("startsAt", request.startsAt(), year);
            Instant endsAt = instant("endsAt", request.endsAt(), year);
            if (!endsAt.isAfter(startsAt)) {
                throw ProblemException.invalidField("endsAt", "must be after startsAt");
            }
            session.moveTo(startsAt, endsAt, Term.of(request.startsAt().toLocalDate()), request.reason().strip(),
                    clock.instant());
            mustNotClash(session);
            events.rescheduled(session);
            notifications.moved(session);
            return session;
        });
    }

    /**
     * Cancels a session still to come, with the reason's text and its code from the session-cancellation list (NOT_GIVEN
     * when none is sent); calendars show it cancelled rather than dropping it silently.
     */
    public Optional<Session> cancel(UUID id, String reasonCode, String reason) {
        return Session.<Session>findByIdOptional(id).map(session -> {
            mustManage(session);
            String code = reasons.require(Session.CANCELLATION_REASONS, "reasonCode", reasonCode);
            mustBeStillToCome(session, "cancelled");
            session.cancel(code, reason.strip(), clock.instant());
            events.cancelled(session);
            notifications.cancelled(session);
            return session;
        });
    }

    /** The recording (e.g. on the NCETM's portal) of a session that has taken place. */
    public Optional<Session> addRecording(UUID id, String recordingLink) {
        return Session.<Session>findByIdOptional(id).map(session -> {
            mustManage(session);
            if (session.isCancelled() || session.startsAt.isAfter(clock.instant())) {
                throw ProblemException.conflict("no-recording-yet", "The session has not taken place",
                        "A recording can be added once the session has started, and never to a cancelled one");
            }
            session.recordingLink = recordingLink.strip();
            session.updatedAt = clock.instant();
            return session;
        });
    }

    public Session scheduleCentral(CentralSessionRequest request) {
        AcademicYear year;
        try {
            year = AcademicYear.parse(request.academicYear());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("academicYear", e.getMessage());
        }
        return schedule(newSession(request, request.programmeCode(), year));
    }

    /** A Work Group's local sessions and the central sessions of its programme and year, by start. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<Session>> forWorkGroup(UUID workGroupId) {
        return WorkGroup.<WorkGroup>findByIdOptional(workGroupId).map(group -> Session.list(
                "workGroupId = ?1 or (workGroupId is null and programmeCode = ?2 and academicYear = ?3)", BY_START,
                group.id, group.programmeCode, group.academicYear));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Session> find(UUID id) {
        return Session.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Session> central(String programmeCode, String academicYear) {
        return Session.list("workGroupId is null and programmeCode = ?1 and academicYear = ?2", BY_START,
                programmeCode, academicYear);
    }

    private Session schedule(Session session) {
        mustNotClash(session);
        session.persistAndFlush();
        enrolments.enrolExpectedParticipants(session);
        events.scheduled(session);
        notifications.scheduled(session);
        return session;
    }

    private Session newSession(SessionDetails request, String programmeCode, AcademicYear year) {
        Instant startsAt = instant("startsAt", request.startsAt(), year);
        Instant endsAt = instant("endsAt", request.endsAt(), year);
        if (!endsAt.isAfter(startsAt)) {
            throw ProblemException.invalidField("endsAt", "must be after startsAt");
        }
        Session session = new Session();
        session.id = TimeOrderedIds.next();
        session.programmeCode = programmeCode;
        session.academicYear = year.toString();
        session.title = request.title().strip();
        session.audience = request.audience();
        session.deliveryMode = request.deliveryMode();
        session.startsAt = startsAt;
        session.endsAt = endsAt;
        session.term = Term.of(request.startsAt().toLocalDate());
        session.location = blankToNull(request.location());
        session.joinLink = blankToNull(request.joinLink());
        session.status = SessionStatus.SCHEDULED;
        session.sequence = 0;
        session.createdAt = clock.instant();
        session.updatedAt = session.createdAt;
        return session;
    }

    /**
     * No two sessions for the same people at once: a Work Group's sessions, local and central, must not overlap for
     * one audience. Checked under a lock per programme and year, so two hub admins saving at once cannot both pass.
     */
    private void mustNotClash(Session session) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "sessions:" + session.programmeCode + ":" + session.academicYear).getSingleResult();
        List<Session> others = session.isCentral()
                ? Session.list("status = ?1 and programmeCode = ?2 and academicYear = ?3 and id <> ?4",
                        SessionStatus.SCHEDULED, session.programmeCode, session.academicYear, session.id)
                : Session.list("status = ?1 and id <> ?2 and (workGroupId = ?3 or (workGroupId is null"
                        + " and programmeCode = ?4 and academicYear = ?5))", SessionStatus.SCHEDULED, session.id,
                        session.workGroupId, session.programmeCode, session.academicYear);
        others.stream().filter(session::clashesWith).findFirst().ifPresent(other -> {
            throw ProblemException.invalidField("startsAt", "overlaps \"" + other.title + "\" ("
                    + UkTime.local(other.startsAt).toLocalDateTime() + " to " + UkTime.local(other.endsAt).toLocalDateTime()
                    + "), which the same people are expected at");
        });
    }

    private void mustManage(WorkGroup group) {
        if (!caller.actsFor(group.hubCode)) {
            throw ProblemException.forbidden("You schedule sessions for the Work Groups of your own Maths Hub only");
        }
    }

    /** Central sessions are the NCETM's; a local one its Work Group's hub's. */
    private void mustManage(Session session) {
        if (session.isCentral()) {
            if (!caller.isProgrammeAdmin()) {
                throw ProblemException.forbidden("Central sessions are managed by the NCETM");
            }
            return;
        }
        WorkGroup group = WorkGroup.findById(session.workGroupId);
        if (group == null || !caller.actsFor(group.hubCode)) {
            throw ProblemException.forbidden("You manage the sessions of your own Maths Hub's Work Groups only");
        }
    }

    private void mustBeStillToCome(Session session, String what) {
        if (session.isCancelled()) {
            throw ProblemException.conflict("session-cancelled", "The session is cancelled",
                    "A cancelled session cannot be " + what + "; schedule a new one");
        }
        if (!session.startsAt.isAfter(clock.instant())) {
            throw ProblemException.conflict("session-started", "The session has already started",
                    "Only a session still to come can be " + what);
        }
    }


    private static Instant instant(String field, LocalDateTime local, AcademicYear year) {
        if (!year.contains(local.toLocalDate())) {
            throw ProblemException.invalidField(field, "must fall in the academic year " + year + ", from "
                    + year.firstDay() + " to " + year.lastDay());
        }
        try {
            return UkTime.toInstant(local);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, e.getMessage());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
