package uk.mathshubs.kit.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.mathshubs.contracts.EventSchemas;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.kit.audit.AuditTrail;

/**
 * Records events in the caller's transaction, and each in the audit trail; {@link OutboxRelay} sends them once it
 * commits.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final Clock clock;
    private final Event<OutboxWritten> written;

    private final AuditTrail audit;

    public Outbox(ObjectMapper json, Clock clock, Event<OutboxWritten> written, AuditTrail audit) {
        this.json = json;
        this.clock = clock;
        this.written = written;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(EventType type, Object aggregateKey, Record payload) {
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type + " carries " + type.payloadType().getSimpleName());
        }
        JsonNode body = json.valueToTree(payload);
        List<String> violations = EventSchemas.violations(type, body);
        if (!violations.isEmpty()) {
            // A producer bug: refuse to commit a change whose event consumers could not read.
            throw new IllegalStateException(type.type() + " payload breaks its schema: " + violations);
        }
        new OutboxEvent(UUID.randomUUID(), type.type(), type.topic(), aggregateKey.toString(), body.toString(),
                clock.instant()).persist();
        // Every change a service announces is a change to audit: who made it, on what, when.
        audit.record(type.type(), aggregateKey.toString(), body);
        written.fire(new OutboxWritten());
    }

    /** Fired inside the transaction; observed after it commits. */
    public record OutboxWritten() {
    }
}
