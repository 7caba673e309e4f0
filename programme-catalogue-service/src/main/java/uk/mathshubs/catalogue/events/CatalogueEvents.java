package uk.mathshubs.catalogue.events;

import jakarta.enterprise.context.ApplicationScoped;

import uk.mathshubs.catalogue.domain.Programme;
import uk.mathshubs.catalogue.domain.WorkGroup;
import uk.mathshubs.catalogue.domain.WorkGroupStatus;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.catalogue.ProgrammePayload;
import uk.mathshubs.contracts.catalogue.WorkGroupPayload;
import uk.mathshubs.kit.outbox.Outbox;

/** What the catalogue tells the other services, through the outbox. */
@ApplicationScoped
public class CatalogueEvents {

    private final Outbox outbox;

    public CatalogueEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void programme(EventType type, Programme p) {
        outbox.record(type, p.code, new ProgrammePayload(p.code, p.title, p.yearGroups, p.requiredRoles,
                p.eligibilityRuleSet, p.centralSessions, p.revision));
    }

    /** The event for a Work Group that moved from {@code from} to its current status. */
    public void statusChanged(WorkGroupStatus from, WorkGroup w) {
        workGroup(switch (w.status) {
            case OPEN -> from == WorkGroupStatus.DRAFT ? EventType.WORK_GROUP_PUBLISHED : EventType.WORK_GROUP_CHANGED;
            case CLOSED -> EventType.WORK_GROUP_CLOSED;
            case COMPLETED -> EventType.WORK_GROUP_COMPLETED;
            case CANCELLED -> EventType.WORK_GROUP_CANCELLED;
            case RUNNING, DRAFT -> EventType.WORK_GROUP_CHANGED;
        }, w);
    }

    /** Drafts are nobody else's business until published. */
    public void changed(WorkGroup w) {
        if (w.status.isPublished()) {
            workGroup(EventType.WORK_GROUP_CHANGED, w);
        }
    }

    private void workGroup(EventType type, WorkGroup w) {
        outbox.record(type, w.id, new WorkGroupPayload(w.id, w.programme.code, w.programme.title,
                w.programme.eligibilityRuleSet, w.programme.requiredRoles, w.hub.code, w.academicYear, w.capacity,
                w.allocationPolicy.name(), w.status.name(), w.applicationsOpenAt, w.applicationsCloseAt,
                w.confirmationDate, w.revision));
    }
}
