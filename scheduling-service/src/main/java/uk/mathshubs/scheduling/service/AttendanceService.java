package uk.mathshubs.scheduling.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import uk.mathshubs.contracts.scheduling.AttendanceRecorded;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.security.Caller;
import uk.mathshubs.scheduling.api.AttendanceChangeView;
import uk.mathshubs.scheduling.api.AttendanceRequest;
import uk.mathshubs.scheduling.api.AttendanceView;
import uk.mathshubs.scheduling.domain.Session;
import uk.mathshubs.scheduling.domain.WorkGroup;
import uk.mathshubs.scheduling.events.SchedulingEvents;

/**
 * Who came to which session. A hub records its own schools' people (at its local sessions and at the central
 * ones), the NCETM anyone's; every answer is kept, a correction adds a revision instead of overwriting.
 */
@ApplicationScoped
@Transactional
public class AttendanceService {

    private final EntityManager entityManager;
    private final SchedulingEvents events;
    private final SurveyInvitations surveys;
    private final CompletionService completion;
    private final Caller caller;
    private final Clock clock;

    public AttendanceService(EntityManager entityManager, SchedulingEvents events, SurveyInvitations surveys,
            CompletionService completion, Caller caller, Clock clock) {
        this.entityManager = entityManager;
        this.events = events;
        this.surveys = surveys;
        this.completion = completion;
        this.caller = caller;
        this.clock = clock;
    }

    /** The people expected at a session whom the caller may see, with what was recorded; empty for an unknown session. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<AttendanceView>> register(UUID sessionId) {
        return Session.<Session>findByIdOptional(sessionId).map(session -> {
            mustSee(session);
            return rows(sessionId);
        });
    }

    /** Every answer recorded at a session for the people the caller may see, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<AttendanceChangeView>> history(UUID sessionId) {
        return Session.<Session>findByIdOptional(sessionId).map(session -> {
            mustSee(session);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                    SELECT c.participant_id, c.attendance, c.revision, c.recorded_at, c.recorded_by
                    FROM attendance_change c
                    JOIN participant p ON p.id = c.participant_id
                    JOIN work_group g ON g.id = p.work_group_id
                    WHERE c.session_id = :session AND (:everyone OR g.hub_code = :hub)
                    ORDER BY c.id""")
                    .setParameter("session", sessionId)
                    .setParameter("everyone", seesEveryone())
                    .setParameter("hub", caller.hub().orElse(""))
                    .getResultList();
            return rows.stream().map(r -> new AttendanceChangeView((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(),
                    NativeRows.instant(r[3]), (String) r[4])).toList();
        });
    }

    /**
     * Records attendance in bulk. All or nothing: one person the caller may not record, or who was not expected
     * at the session, refuses the whole request. Recording the answer already held changes nothing.
     */
    public Optional<List<AttendanceView>> record(UUID sessionId, AttendanceRequest request) {
        return Optional.ofNullable(Session.<Session>findById(sessionId, LockModeType.PESSIMISTIC_WRITE)).map(session -> {
            mustSee(session);
            Instant now = clock.instant();
            if (session.isCancelled()) {
                throw ProblemException.conflict("session-cancelled", "The session was cancelled",
                        "Nobody can attend a cancelled session");
            }
            if (session.startsAt.isAfter(now)) {
                throw ProblemException.conflict("session-not-started", "The session has not started yet",
                        "Attendance can be recorded once the session has started");
            }
            Map<UUID, AttendanceView> expected = new HashMap<>();
            rows(sessionId).forEach(row -> expected.put(row.participantId(), row));
            Set<UUID> seen = new HashSet<>();
            List<AttendanceRecorded.Entry> changed = new ArrayList<>();
            for (int i = 0; i < request.records().size(); i++) {
                AttendanceRequest.Entry entry = request.records().get(i);
                String field = "records[" + i + "].participantId";
                if (!seen.add(entry.participantId())) {
                    throw ProblemException.invalidField(field, "appears more than once");
                }
                AttendanceView current = expected.get(entry.participantId());
                if (current == null) {
                    throw ProblemException.invalidField(field, "is not one of your schools' people expected at this session");
                }
                if (entry.attendance().name().equals(current.attendance())) {
                    continue;
                }
                write(sessionId, entry, current.revision() + 1, now);
                changed.add(new AttendanceRecorded.Entry(entry.participantId(), current.workGroupId(), current.urn(),
                        entry.attendance().name()));
            }
            if (!changed.isEmpty()) {
                events.attendanceRecorded(sessionId, changed, now);
                afterTheYear(sessionId, changed);
            }
            return rows(sessionId);
        });
    }

    /**
     * What a register changes beyond itself: those who attended are sent the surveys that follow the session, and a
     * Work Group that has completed has its schools' completion decided again (a correction).
     */
    private void afterTheYear(UUID sessionId, List<AttendanceRecorded.Entry> changed) {
        // Groups in one order (their ids), whichever register locks them: two registers never wait for each other.
        Map<UUID, Set<String>> schools = new TreeMap<>();
        changed.forEach(entry -> schools.computeIfAbsent(entry.workGroupId(), group -> new HashSet<>()).add(entry.urn()));
        schools.forEach(completion::reconsider);
        surveys.attended(sessionId, changed.stream().filter(entry -> "ATTENDED".equals(entry.attendance()))
                .map(AttendanceRecorded.Entry::participantId).toList());
    }

    /** The current answer and its entry in the history, in one statement. */
    private void write(UUID sessionId, AttendanceRequest.Entry entry, int revision, Instant now) {
        entityManager.createNativeQuery("""
                WITH saved AS (
                    INSERT INTO attendance (session_id, participant_id, attendance, revision, recorded_at, recorded_by)
                    VALUES (:session, :participant, :attendance, :revision, :at, :by)
                    ON CONFLICT (session_id, participant_id) DO UPDATE
                    SET attendance = excluded.attendance, revision = excluded.revision,
                        recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by
                    RETURNING session_id, participant_id, attendance, revision, recorded_at, recorded_by)
                INSERT INTO attendance_change (session_id, participant_id, attendance, revision, recorded_at, recorded_by)
                SELECT session_id, participant_id, attendance, revision, recorded_at, recorded_by FROM saved""")
                .setParameter("session", sessionId)
                .setParameter("participant", entry.participantId())
                .setParameter("attendance", entry.attendance().name())
                .setParameter("revision", revision)
                .setParameter("at", now)
                .setParameter("by", caller.name())
                .executeUpdate();
    }

    private List<AttendanceView> rows(UUID sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT p.id, p.work_group_id, p.urn, p.school_name, p.name, p.role,
                       a.attendance, coalesce(a.revision, 0), a.recorded_at, a.recorded_by
                FROM enrolment e
                JOIN participant p ON p.id = e.participant_id
                JOIN work_group g ON g.id = p.work_group_id
                LEFT JOIN attendance a ON a.session_id = e.session_id AND a.participant_id = p.id
                WHERE e.session_id = :session AND (:everyone OR g.hub_code = :hub)
                ORDER BY p.urn, p.role, p.name, p.id""")
                .setParameter("session", sessionId)
                .setParameter("everyone", seesEveryone())
                .setParameter("hub", caller.hub().orElse(""))
                .getResultList();
        return rows.stream().map(r -> new AttendanceView((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], ((Number) r[7]).intValue(), NativeRows.instant(r[8]), (String) r[9]))
                .toList();
    }

    private boolean seesEveryone() {
        return caller.isProgrammeAdmin();
    }

    /** A local session's register is its hub's; a central session's is shared, each hub seeing its own schools. */
    private void mustSee(Session session) {
        if (session.isCentral() || caller.isProgrammeAdmin()) {
            return;
        }
        WorkGroup group = WorkGroup.findById(session.workGroupId);
        if (group == null || !caller.actsFor(group.hubCode)) {
            throw ProblemException.forbidden("You record attendance for your own Maths Hub's Work Groups only");
        }
    }
}
