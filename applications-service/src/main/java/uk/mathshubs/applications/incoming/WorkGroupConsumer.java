package uk.mathshubs.applications.incoming;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import uk.mathshubs.applications.allocation.Allocator;
import uk.mathshubs.applications.allocation.Offers;
import uk.mathshubs.applications.domain.WorkGroup;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.catalogue.WorkGroupPayload;
import uk.mathshubs.kit.inbox.Inbox;

/**
 * Keeps this service's copy of each Work Group in step with the catalogue; a priority-rules group that closes is
 * handed to the allocator, and places added to a full group go to the schools waiting.
 */
@ApplicationScoped
public class WorkGroupConsumer {

    private static final Logger LOG = Logger.getLogger(WorkGroupConsumer.class);
    private static final String CONSUMER = "applications-service.work-groups";

    private final Inbox inbox;
    private final Offers offers;
    private final Event<Allocator.Due> allocationDue;

    public WorkGroupConsumer(Inbox inbox, Offers offers, Event<Allocator.Due> allocationDue) {
        this.inbox = inbox;
        this.offers = offers;
        this.allocationDue = allocationDue;
    }

    @Incoming("work-groups")
    @Blocking
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> onWorkGroupEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver(CONSUMER, batch, EventType.carrying(WorkGroupPayload.class), this::apply);
    }

    private void apply(Inbox.Event changed) {
        WorkGroupPayload event = changed.payload(WorkGroupPayload.class);
        WorkGroup group = WorkGroup.findById(event.workGroupId());
        int capacityBefore = group == null ? 0 : group.capacity;
        if (group == null) {
            group = new WorkGroup();
            group.id = event.workGroupId();
        } else if (group.revision >= event.revision()) {
            return; // an older state arriving late: ours is newer
        }
        group.programmeCode = event.programmeCode();
        group.programmeTitle = event.programmeTitle();
        group.eligibilityRuleSet = event.eligibilityRuleSet();
        group.requiredRoles = event.requiredRoles();
        group.hubCode = event.hubCode();
        group.academicYear = event.academicYear();
        if (event.capacity() < group.placesAllocated) {
            // The catalogue refuses such a cut when it knows; this is the race it could not see. No school
            // loses a place it was given, and no further place is given until enough are released.
            LOG.warnf("Work Group %s: capacity %d is below the %d places already given; keeping %d",
                    group.id, event.capacity(), group.placesAllocated, group.placesAllocated);
            group.capacity = group.placesAllocated;
        } else {
            group.capacity = event.capacity();
        }
        group.allocationPolicy = event.allocationPolicy();
        group.status = event.status();
        group.applicationsOpenAt = event.applicationsOpenAt();
        group.applicationsCloseAt = event.applicationsCloseAt();
        group.confirmationDate = event.confirmationDate();
        group.revision = event.revision();
        group.persist();

        if (!group.isFirstComeFirstServed() && "CLOSED".equals(group.status)) {
            allocationDue.fire(new Allocator.Due()); // priority rules: the allocator places the group now it is closed
        }
        if (group.capacity > capacityBefore && capacityBefore > 0) {
            offers.offerFreePlaces(group.id);
        }
    }
}
