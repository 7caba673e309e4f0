package uk.mathshubs.catalogue.events;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.mathshubs.catalogue.domain.Hub;
import uk.mathshubs.catalogue.domain.Programme;
import uk.mathshubs.catalogue.domain.WorkGroup;
import uk.mathshubs.catalogue.domain.WorkGroupStatus;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.catalogue.ProgrammePayload;
import uk.mathshubs.contracts.catalogue.WorkGroupPayload;
import uk.mathshubs.kit.audit.AuditTrail;
import uk.mathshubs.kit.outbox.Outbox;

/**
 * What the catalogue tells the other services, through the outbox (each event with its audit entry), and the audit
 * entries of the changes it tells nobody: drafts and hubs.
 */
@ApplicationScoped
public class CatalogueEvents {

    static final String DRAFTED = "work-group.drafted";
    static final String DRAFT_CHANGED = "work-group.draft-changed";
    static final String HUB_CREATED = "hub.created";
    static final String HUB_CHANGED = "hub.changed";

    private final Outbox outbox;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public CatalogueEvents(Outbox outbox, AuditTrail audit, ObjectMapper json) {
        this.outbox = outbox;
        this.audit = audit;
        this.json = json;
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

    /** A new draft: nobody else's business until published, but audited like every change. */
    public void drafted(WorkGroup w) {
        audit.record(DRAFTED, w.id.toString(), json.valueToTree(payload(w)));
    }

    public void changed(WorkGroup w) {
        if (w.status.isPublished()) {
            workGroup(EventType.WORK_GROUP_CHANGED, w);
        } else {
            audit.record(DRAFT_CHANGED, w.id.toString(), json.valueToTree(payload(w)));
        }
    }

    /** Hubs are reference data no other service is told of; their changes are audited. */
    public void hub(boolean created, Hub hub) {
        audit.record(created ? HUB_CREATED : HUB_CHANGED, hub.code,
                json.valueToTree(new HubState(hub.code, hub.name, hub.region)));
    }

    private void workGroup(EventType type, WorkGroup w) {
        outbox.record(type, w.id, payload(w));
    }

    private static WorkGroupPayload payload(WorkGroup w) {
        return new WorkGroupPayload(w.id, w.programme.code, w.programme.title,
                w.programme.eligibilityRuleSet, w.programme.requiredRoles, w.hub.code, w.academicYear, w.capacity,
                w.allocationPolicy.name(), w.status.name(), w.applicationsOpenAt, w.applicationsCloseAt,
                w.confirmationDate, w.revision);
    }

    /** As the entry keeps it: the contact address may be a person's, and the audit trail keeps no personal data. */
    private record HubState(String code, String hubName, String region) {
    }
}
