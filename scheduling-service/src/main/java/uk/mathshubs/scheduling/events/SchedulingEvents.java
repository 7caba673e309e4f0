package uk.mathshubs.scheduling.events;

import jakarta.enterprise.context.ApplicationScoped;

import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.scheduling.SessionPayload;
import uk.mathshubs.kit.outbox.Outbox;
import uk.mathshubs.scheduling.domain.Session;

/** What the scheduling service tells the other services, through the outbox. */
@ApplicationScoped
public class SchedulingEvents {

    private final Outbox outbox;

    public SchedulingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void scheduled(Session s) {
        outbox.record(EventType.SESSION_SCHEDULED, s.id, new SessionPayload(s.id, s.workGroupId, s.programmeCode,
                s.academicYear, s.title, s.audience.name(), s.deliveryMode.name(), s.startsAt, s.endsAt,
                s.status.name(), s.sequence));
    }
}
