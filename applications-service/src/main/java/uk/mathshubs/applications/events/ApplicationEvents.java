package uk.mathshubs.applications.events;

import jakarta.enterprise.context.ApplicationScoped;

import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.applications.domain.WorkGroup;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.applications.ApplicationAccepted;
import uk.mathshubs.contracts.applications.ApplicationSubmitted;
import uk.mathshubs.contracts.applications.ApplicationWaitlisted;
import uk.mathshubs.kit.outbox.Outbox;

/** What the applications service tells the others, through the outbox. */
@ApplicationScoped
public class ApplicationEvents {

    private final Outbox outbox;

    public ApplicationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void submitted(Application a) {
        outbox.record(EventType.APPLICATION_SUBMITTED, a.id,
                new ApplicationSubmitted(a.id, a.reference, a.workGroupId, a.hubCode, a.urn, a.submittedAt));
    }

    /** The outcome of allocation: accepted (with the people to enrol) or on the waiting list. */
    public void decided(Application a, WorkGroup group) {
        switch (a.status) {
            case ACCEPTED -> outbox.record(EventType.APPLICATION_ACCEPTED, a.id, new ApplicationAccepted(
                    a.id, a.reference, a.workGroupId, a.hubCode, group.programmeCode, group.academicYear, a.urn,
                    a.schoolName,
                    a.people.stream().map(p -> new ApplicationAccepted.Participant(p.id, p.role, p.name, p.email, p.trn)).toList(),
                    a.decidedAt));
            case WAITLISTED -> outbox.record(EventType.APPLICATION_WAITLISTED, a.id,
                    new ApplicationWaitlisted(a.id, a.reference, a.workGroupId, a.urn, a.waitingListPosition));
            case SUBMITTED, WITHDRAWN -> {
                // nothing decided yet, or nothing to announce here
            }
        }
    }
}
