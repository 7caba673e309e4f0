package uk.mathshubs.applications.incoming;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import uk.mathshubs.applications.domain.school.ParticipationRecord;
import uk.mathshubs.applications.service.ParticipationHistory;
import uk.mathshubs.contracts.AcademicYear;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.scheduling.ParticipationCompleted;
import uk.mathshubs.contracts.scheduling.ParticipationCompletionRevoked;
import uk.mathshubs.kit.inbox.Inbox;

/**
 * A school completed a Work Group: that goes into its history, which future eligibility reads; a completion corrected
 * away (the register was wrong) leaves it as having taken part.
 */
@ApplicationScoped
public class ParticipationCompletedConsumer {

    private static final String CONSUMER = "applications-service.participation";

    private final Inbox inbox;
    private final ParticipationHistory history;

    public ParticipationCompletedConsumer(Inbox inbox, ParticipationHistory history) {
        this.inbox = inbox;
        this.history = history;
    }

    @Incoming("participation")
    @Blocking
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> onParticipationEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver(CONSUMER, batch, Set.of(EventType.PARTICIPATION_COMPLETED, EventType.PARTICIPATION_COMPLETION_REVOKED),
                event -> {
                    if (event.type() == EventType.PARTICIPATION_COMPLETION_REVOKED) {
                        ParticipationCompletionRevoked revoked = event.payload(ParticipationCompletionRevoked.class);
                        history.completionRevoked(revoked.urn(), revoked.programmeCode(), AcademicYear.parse(revoked.academicYear()));
                        return;
                    }
                    ParticipationCompleted completed = event.payload(ParticipationCompleted.class);
                    history.record(completed.urn(), completed.programmeCode(), AcademicYear.parse(completed.academicYear()),
                            ParticipationRecord.Outcome.COMPLETED, ParticipationRecord.Source.EVENT);
                });
    }
}
