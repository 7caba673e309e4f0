package uk.mathshubs.scheduling.mapping;

import jakarta.enterprise.context.ApplicationScoped;

import uk.mathshubs.scheduling.api.ParticipantView;
import uk.mathshubs.scheduling.api.SessionView;
import uk.mathshubs.scheduling.domain.Participant;
import uk.mathshubs.scheduling.domain.Session;
import uk.mathshubs.scheduling.domain.UkTime;
import uk.mathshubs.scheduling.service.ParticipationService.Enrolled;

/** Entities to API models; nothing else crosses the REST boundary. */
@ApplicationScoped
public class SchedulingMapper {

    public SessionView toView(Session s) {
        return new SessionView(s.id, s.workGroupId, s.isCentral(), s.programmeCode, s.academicYear, s.title,
                s.audience.name(), s.deliveryMode.name(), UkTime.local(s.startsAt), UkTime.local(s.endsAt), s.term.name(),
                s.location, s.joinLink, s.recordingLink, s.status.name());
    }

    public ParticipantView toView(Enrolled enrolled) {
        Participant p = enrolled.participant();
        return new ParticipantView(p.id, p.applicationId, p.urn, p.schoolName, p.name, p.role, p.email, p.trn,
                p.isWithdrawn(), enrolled.sessionIds());
    }
}
