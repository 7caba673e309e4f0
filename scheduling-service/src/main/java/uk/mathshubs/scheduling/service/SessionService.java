package uk.mathshubs.scheduling.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import uk.mathshubs.contracts.AcademicYear;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.security.Caller;
import uk.mathshubs.scheduling.api.CentralSessionRequest;
import uk.mathshubs.scheduling.api.SessionDetails;
import uk.mathshubs.scheduling.api.SessionRequest;
import uk.mathshubs.scheduling.domain.Session;
import uk.mathshubs.scheduling.domain.SessionStatus;
import uk.mathshubs.scheduling.domain.Term;
import uk.mathshubs.scheduling.domain.UkTime;
import uk.mathshubs.scheduling.domain.WorkGroup;
import uk.mathshubs.scheduling.events.SchedulingEvents;

/**
 * Scheduling sessions: a hub its own Work Groups' local sessions, the NCETM the central ones of a programme
 * and year. The people already expected at a new session are enrolled in the same transaction.
 */
@ApplicationScoped
@Transactional
public class SessionService {

    private static final Sort BY_START = Sort.by("startsAt").and("title").and("id");

    private final Enrolments enrolments;
    private final SchedulingEvents events;
    private final Caller caller;
    private final Clock clock;

    public SessionService(Enrolments enrolments, SchedulingEvents events, Caller caller, Clock clock) {
        this.enrolments = enrolments;
        this.events = events;
        this.caller = caller;
        this.clock = clock;
    }

    /** A local session; empty when this service has not heard of the Work Group. */
    public Optional<Session> scheduleLocal(UUID workGroupId, SessionRequest request) {
        return WorkGroup.<WorkGroup>findByIdOptional(workGroupId).map(group -> {
            if (!caller.actsFor(group.hubCode)) {
                throw ProblemException.forbidden("You schedule sessions for the Work Groups of your own Maths Hub only");
            }
            Session session = newSession(request, group.programmeCode, AcademicYear.parse(group.academicYear));
            session.workGroupId = group.id;
            return schedule(session);
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
        session.persistAndFlush();
        enrolments.enrolExpectedParticipants(session);
        events.scheduled(session);
        return session;
    }

    private Session newSession(SessionDetails request, String programmeCode, AcademicYear year) {
        Instant startsAt = instant("startsAt", request.startsAt(), year);
        Instant endsAt = instant("endsAt", request.endsAt(), year);
        if (!endsAt.isAfter(startsAt)) {
            throw ProblemException.invalidField("endsAt", "must be after startsAt");
        }
        Session session = new Session();
        session.id = UUID.randomUUID();
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
        return session;
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
