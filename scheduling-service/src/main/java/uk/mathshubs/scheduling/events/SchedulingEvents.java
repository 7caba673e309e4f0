package uk.mathshubs.scheduling.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.scheduling.AttendanceRecorded;
import uk.mathshubs.contracts.scheduling.ParticipationCompleted;
import uk.mathshubs.contracts.scheduling.ParticipationCompletionRevoked;
import uk.mathshubs.contracts.scheduling.SessionPayload;
import uk.mathshubs.kit.outbox.Outbox;
import uk.mathshubs.scheduling.domain.Session;
import uk.mathshubs.scheduling.domain.WorkGroup;

/** What the scheduling service tells the other services, through the outbox. */
@ApplicationScoped
public class SchedulingEvents {

    private final Outbox outbox;

    public SchedulingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void scheduled(Session s) {
        outbox.record(EventType.SESSION_SCHEDULED, s.id, payload(s));
    }

    public void rescheduled(Session s) {
        outbox.record(EventType.SESSION_RESCHEDULED, s.id, payload(s));
    }

    public void cancelled(Session s) {
        outbox.record(EventType.SESSION_CANCELLED, s.id, payload(s));
    }

    public void attendanceRecorded(UUID sessionId, List<AttendanceRecorded.Entry> entries, Instant at) {
        outbox.record(EventType.ATTENDANCE_RECORDED, sessionId, new AttendanceRecorded(sessionId, entries, at));
    }

    /** Keyed by school, so that one school's completions stay in order. */
    public void participationCompleted(WorkGroup group, String urn, Instant at) {
        outbox.record(EventType.PARTICIPATION_COMPLETED, urn,
                new ParticipationCompleted(group.id, group.programmeCode, group.academicYear, urn, at));
    }

    /** The school's completion was corrected away; keyed by school, after the completion it revokes. */
    public void participationCompletionRevoked(WorkGroup group, String urn, Instant at) {
        outbox.record(EventType.PARTICIPATION_COMPLETION_REVOKED, urn,
                new ParticipationCompletionRevoked(group.id, group.programmeCode, group.academicYear, urn, at));
    }

    private static SessionPayload payload(Session s) {
        return new SessionPayload(s.id, s.workGroupId, s.programmeCode, s.academicYear, s.title, s.audience.name(),
                s.deliveryMode.name(), s.startsAt, s.endsAt, s.status.name(), s.sequence, s.statusReason, s.reasonCode);
    }
}
