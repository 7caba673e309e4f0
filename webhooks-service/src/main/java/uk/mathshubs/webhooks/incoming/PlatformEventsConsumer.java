package uk.mathshubs.webhooks.incoming;

import java.util.EnumSet;
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
import uk.mathshubs.webhooks.service.Announcements;
import uk.mathshubs.webhooks.service.Messages;

/**
 * Everything receivers may be told of, from the topics of the other services, and the Work Groups (whose hub a message
 * concerns, when its decisions are released). At least once from Kafka, once into the message table (the kit's guard).
 */
@ApplicationScoped
public class PlatformEventsConsumer {

    private static final String CONSUMER = "webhooks-service";
    private static final Set<EventType> WORK_GROUPS = EventType.carrying(WorkGroupPayload.class);
    private static final Set<EventType> HANDLED = handled();

    private final Inbox inbox;
    private final Announcements announcements;
    private final Messages messages;

    public PlatformEventsConsumer(Inbox inbox, Announcements announcements, Messages messages) {
        this.inbox = inbox;
        this.announcements = announcements;
        this.messages = messages;
    }

    @Incoming("events")
    @Blocking
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver(CONSUMER, batch, HANDLED, this::apply);
    }

    private void apply(Inbox.Event event) {
        if (WORK_GROUPS.contains(event.type())) {
            messages.workGroup(event.payload(WorkGroupPayload.class));
            return;
        }
        announcements.of(event).forEach(message -> messages.record(event.id(), event.time().orElse(null), message));
    }

    private static Set<EventType> handled() {
        Set<EventType> handled = EnumSet.copyOf(Announcements.ANNOUNCED);
        handled.addAll(WORK_GROUPS);
        return handled;
    }
}
