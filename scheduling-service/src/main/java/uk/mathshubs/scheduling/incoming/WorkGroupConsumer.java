package uk.mathshubs.scheduling.incoming;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.catalogue.WorkGroupPayload;
import uk.mathshubs.kit.inbox.EventPayloads;
import uk.mathshubs.kit.inbox.ProcessedEvents;
import uk.mathshubs.scheduling.domain.WorkGroup;
import uk.mathshubs.scheduling.service.CompletionService;

/** Keeps this service's copy of each Work Group in step with the catalogue, and settles completion when one completes. */
@ApplicationScoped
public class WorkGroupConsumer {

    private static final Logger LOG = Logger.getLogger(WorkGroupConsumer.class);
    private static final String CONSUMER = "scheduling-service";

    private final ProcessedEvents processed;
    private final EventPayloads payloads;
    private final CompletionService completion;

    public WorkGroupConsumer(ProcessedEvents processed, EventPayloads payloads, CompletionService completion) {
        this.processed = processed;
        this.payloads = payloads;
        this.completion = completion;
    }

    @Incoming("work-groups")
    @Blocking
    @Transactional
    public void onWorkGroupEvent(String payload, IncomingCloudEventMetadata<String> cloudEvent) {
        if (!processed.firstDelivery(CONSUMER, cloudEvent.getId())) {
            return;
        }
        if (EventType.fromType(cloudEvent.getType()).filter(t -> t.payloadType() == WorkGroupPayload.class).isEmpty()) {
            LOG.debugf("Ignoring %s", cloudEvent.getType());
            return;
        }
        WorkGroupPayload event = payloads.read(payload, WorkGroupPayload.class);
        WorkGroup group = WorkGroup.findById(event.workGroupId());
        if (group == null) {
            group = new WorkGroup();
            group.id = event.workGroupId();
        } else if (group.revision >= event.revision()) {
            return; // an older state arriving late: ours is newer
        }
        group.programmeCode = event.programmeCode();
        group.programmeTitle = event.programmeTitle();
        group.hubCode = event.hubCode();
        group.academicYear = event.academicYear();
        group.status = event.status();
        group.revision = event.revision();
        group.persist();
        if (EventType.fromType(cloudEvent.getType()).orElseThrow() == EventType.WORK_GROUP_COMPLETED) {
            completion.workGroupCompleted(group.id);
        }
    }
}
