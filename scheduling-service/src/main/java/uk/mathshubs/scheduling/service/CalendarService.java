package uk.mathshubs.scheduling.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import uk.mathshubs.scheduling.calendar.ICalendarWriter;
import uk.mathshubs.scheduling.domain.Participant;
import uk.mathshubs.scheduling.domain.Session;
import uk.mathshubs.scheduling.domain.WorkGroup;

/** Calendar feeds: a Work Group's sessions for anyone, a person's own sessions behind their private link. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CalendarService {

    private static final Sort BY_START = Sort.by("startsAt").and("id");

    private final Clock clock;
    private final EntityManager entityManager;

    public CalendarService(Clock clock, EntityManager entityManager) {
        this.clock = clock;
        this.entityManager = entityManager;
    }

    public Optional<String> forWorkGroup(UUID workGroupId) {
        return WorkGroup.<WorkGroup>findByIdOptional(workGroupId).map(group -> ICalendarWriter.calendar(
                "Work Group sessions (" + group.programmeCode + ", " + group.academicYear + ")",
                Session.list("workGroupId = ?1 or (workGroupId is null and programmeCode = ?2 and academicYear = ?3)",
                        BY_START, group.id, group.programmeCode, group.academicYear),
                clock.instant()));
    }

    /** The sessions a person is expected at; empty for a link that is not (or no longer) anyone's. */
    public Optional<String> forParticipant(String token) {
        return Participant.<Participant>find("calendarToken", token).firstResultOptional().map(person -> {
            @SuppressWarnings("unchecked")
            List<Session> sessions = entityManager.createNativeQuery("""
                    SELECT s.* FROM session s JOIN enrolment e ON e.session_id = s.id
                    WHERE e.participant_id = :participant ORDER BY s.starts_at, s.id""", Session.class)
                    .setParameter("participant", person.id).getResultList();
            return ICalendarWriter.calendar(person.schoolName + ": Maths Hubs sessions", sessions, clock.instant());
        });
    }
}
