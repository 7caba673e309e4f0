package uk.mathshubs.scheduling.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import uk.mathshubs.contracts.ParticipantRole;
import uk.mathshubs.contracts.ParticipantRole.Audience;
import uk.mathshubs.scheduling.domain.Participant;
import uk.mathshubs.scheduling.domain.Session;
import uk.mathshubs.scheduling.domain.SessionStatus;

/**
 * Who is expected at which session. Set-based SQL, one statement per change, and idempotent: enrolling
 * someone already enrolled changes nothing. Who is expected where is decided by
 * {@link ParticipantRole#isExpectedAt(Audience)} alone.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Enrolments {

    private final EntityManager entityManager;

    public Enrolments(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Enrols a person in every scheduled session of their Work Group, and of its programme and year, meant for them. */
    public int enrolInExpectedSessions(Participant person) {
        ParticipantRole role = ParticipantRole.valueOf(person.role);
        List<String> audiences = Arrays.stream(Audience.values()).filter(role::isExpectedAt).map(Enum::name).toList();
        return entityManager.createNativeQuery("""
                INSERT INTO enrolment (session_id, participant_id)
                SELECT s.id, :participant FROM session s
                WHERE s.status = :scheduled AND s.audience IN (:audiences)
                  AND (s.work_group_id = :group
                       OR (s.work_group_id IS NULL AND s.programme_code = :programme AND s.academic_year = :year))
                ON CONFLICT DO NOTHING""")
                .setParameter("participant", person.id)
                .setParameter("scheduled", SessionStatus.SCHEDULED.name())
                .setParameter("audiences", audiences)
                .setParameter("group", person.workGroupId)
                .setParameter("programme", person.programmeCode)
                .setParameter("year", person.academicYear)
                .executeUpdate();
    }

    /**
     * Enrols the people still taking part who are expected at a new session: its Work Group's for a local
     * session, every Work Group's of its programme and year for a central one.
     */
    public int enrolExpectedParticipants(Session session) {
        List<String> roles = Arrays.stream(ParticipantRole.values()).filter(r -> r.isExpectedAt(session.audience))
                .map(Enum::name).toList();
        String scope = session.isCentral()
                ? "p.programme_code = :programme AND p.academic_year = :year"
                : "p.work_group_id = :group";
        var insert = entityManager.createNativeQuery("""
                INSERT INTO enrolment (session_id, participant_id)
                SELECT :session, p.id FROM participant p
                WHERE p.withdrawn_at IS NULL AND p.role IN (:roles) AND %s
                ON CONFLICT DO NOTHING""".formatted(scope))
                .setParameter("session", session.id)
                .setParameter("roles", roles);
        if (session.isCentral()) {
            insert.setParameter("programme", session.programmeCode).setParameter("year", session.academicYear);
        } else {
            insert.setParameter("group", session.workGroupId);
        }
        return insert.executeUpdate();
    }

    /** Takes an application's people off the sessions still to come; the record of past ones stays. */
    public int removeFromSessionsAfter(UUID applicationId, Instant now) {
        return entityManager.createNativeQuery("""
                DELETE FROM enrolment e USING session s, participant p
                WHERE e.session_id = s.id AND e.participant_id = p.id
                  AND p.application_id = :application AND s.starts_at > :now""")
                .setParameter("application", applicationId)
                .setParameter("now", now)
                .executeUpdate();
    }

    /** The sessions each of a Work Group's people is enrolled in, in the order they take place. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<UUID>> sessionsByParticipant(UUID workGroupId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT e.participant_id, e.session_id FROM enrolment e
                JOIN participant p ON p.id = e.participant_id
                JOIN session s ON s.id = e.session_id
                WHERE p.work_group_id = :group
                ORDER BY s.starts_at, s.id""")
                .setParameter("group", workGroupId)
                .getResultList();
        Map<UUID, List<UUID>> sessions = new LinkedHashMap<>();
        for (Object[] row : rows) {
            sessions.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((UUID) row[1]);
        }
        return sessions;
    }
}
