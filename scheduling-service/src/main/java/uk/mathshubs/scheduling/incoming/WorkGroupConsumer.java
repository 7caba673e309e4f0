package uk.mathshubs.scheduling.incoming;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.catalogue.WorkGroupPayload;
import uk.mathshubs.kit.inbox.Inbox;
import uk.mathshubs.scheduling.domain.WorkGroup;
import uk.mathshubs.scheduling.notifications.InvitationRelease;
import uk.mathshubs.scheduling.service.CompletionService;

/**
 * Keeps this service's copy of each Work Group in step with the catalogue, releases its people's invitations when its
 * confirmation date is already past, and settles completion when one completes.
 */
@ApplicationScoped
public class WorkGroupConsumer {

    private static final String CONSUMER = "scheduling-service";
    private static final Set<EventType> HANDLED = EventType.carrying(WorkGroupPayload.class);

    private final Inbox inbox;
    private final CompletionService completion;
    private final InvitationRelease invitations;

    public WorkGroupConsumer(Inbox inbox, CompletionService completion, InvitationRelease invitations) {
        this.inbox = inbox;
        this.completion = completion;
        this.invitations = invitations;
    }

    @Incoming("work-groups")
    @Blocking
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> onWorkGroupEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver(CONSUMER, batch, HANDLED, this::apply);
    }

    private void apply(Inbox.Event event) {
        WorkGroupPayload changed = event.payload(WorkGroupPayload.class);
        WorkGroup group = WorkGroup.findById(changed.workGroupId());
        if (group == null) {
            group = new WorkGroup();
            group.id = changed.workGroupId();
        } else if (group.revision >= changed.revision()) {
            return; // an older state arriving late: ours is newer
        }
        group.programmeCode = changed.programmeCode();
        group.programmeTitle = changed.programmeTitle();
        group.hubCode = changed.hubCode();
        group.academicYear = changed.academicYear();
        group.status = changed.status();
        group.confirmationDate = changed.confirmationDate();
        group.revision = changed.revision();
        group.persist();
        invitations.releaseIfDue(group.id);
        if (event.type() == EventType.WORK_GROUP_COMPLETED) {
            completion.workGroupCompleted(group.id);
        }
    }
}
