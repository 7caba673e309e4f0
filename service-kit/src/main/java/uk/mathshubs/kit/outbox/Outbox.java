package uk.mathshubs.kit.outbox;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.mathshubs.contracts.EventSchemas;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.kit.audit.AuditTrail;
import uk.mathshubs.kit.ids.TimeOrderedIds;
import uk.mathshubs.kit.tracing.TraceContexts;

/**
 * Records events in the caller's transaction, each with its audit entry; {@link OutboxRelay} sends them once it
 * commits. Rows are written with plain JDBC on the transaction's connection: an ORM entity per event, or a native
 * query per audit entry, would make Hibernate flush and dirty-check the whole session for every event. Work that
 * announces many events at once (the allocator's batch) wraps them in {@link #inOneBatch} and they go in one round
 * trip; work that writes on another thread than the one deciding the change (the applications service's intake)
 * makes each event ready with {@link #prepare} and writes them together with {@link #write}.
 */
@ApplicationScoped
public class Outbox {

    /** The event and its audit entry, one statement. */
    private static final String INSERT = """
            WITH event AS (
                INSERT INTO outbox_event (event_id, type, topic, aggregate_key, payload, occurred_at, traceparent)
                VALUES (?, ?, ?, ?, ?, ?, ?))
            INSERT INTO audit_entry (occurred_at, actor, action, subject, detail) VALUES (?, ?, ?, ?, CAST(? AS jsonb))""";
    private static final Object ANNOUNCED = new Object();

    private final ObjectMapper json;
    private final Clock clock;
    private final Event<OutboxWritten> written;
    private final AuditTrail audit;
    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transaction;
    /** Events recorded inside {@link #inOneBatch} on this thread, waiting for its end. */
    private final ThreadLocal<List<Prepared>> batch = new ThreadLocal<>();

    public Outbox(ObjectMapper json, Clock clock, Event<OutboxWritten> written, AuditTrail audit, EntityManager entityManager,
            TransactionSynchronizationRegistry transaction) {
        this.json = json;
        this.clock = clock;
        this.written = written;
        this.audit = audit;
        this.entityManager = entityManager;
        this.transaction = transaction;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(EventType type, Object aggregateKey, Record payload) {
        Prepared prepared = prepare(type, aggregateKey, payload);
        List<Prepared> open = batch.get();
        if (open != null) {
            open.add(prepared);
        } else {
            write(List.of(prepared));
        }
    }

    /**
     * An event and its audit entry made ready where the change is decided (the caller as its actor, the time, the
     * trace are this thread's), for {@link #write} to write later, perhaps on another thread with others' events: the
     * applications service's intake commits many schools' applications in one transaction.
     */
    public Prepared prepare(EventType type, Object aggregateKey, Record payload) {
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type + " carries " + type.payloadType().getSimpleName());
        }
        JsonNode body = json.valueToTree(payload);
        List<String> violations = EventSchemas.violations(type, body);
        if (!violations.isEmpty()) {
            // A producer bug: refuse to commit a change whose event consumers could not read.
            throw new IllegalStateException(type.type() + " payload breaks its schema: " + violations);
        }
        String key = aggregateKey.toString();
        // Every change a service announces is a change to audit: who made it, on what, when.
        // With the trace it belongs to, which the relay continues when it sends the event (null with tracing off).
        return new Prepared(TimeOrderedIds.next(), type, key, body.toString(), clock.instant(), TraceContexts.current(),
                audit.entry(type.type(), key, body));
    }

    /** Runs {@code work}; the events it records are written together when it returns (nothing is written if it throws). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void inOneBatch(Runnable work) {
        if (batch.get() != null) {
            work.run(); // already inside one: the outer batch writes them
            return;
        }
        List<Prepared> pending = new ArrayList<>();
        batch.set(pending);
        try {
            work.run();
        } finally {
            batch.remove();
        }
        write(pending);
    }

    /** Writes events made ready by {@link #prepare}, in one round trip. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(List<Prepared> events) {
        if (events.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Prepared event : events) {
                    bind(insert, event);
                    if (events.size() > 1) {
                        insert.addBatch();
                    }
                }
                if (events.size() > 1) {
                    insert.executeBatch();
                } else {
                    insert.executeUpdate();
                }
            }
        });
        announceOnce();
    }

    private static void bind(PreparedStatement insert, Prepared event) throws SQLException {
        Timestamp at = Timestamp.from(event.occurredAt());
        insert.setObject(1, event.eventId());
        insert.setString(2, event.type().type());
        insert.setString(3, event.type().topic());
        insert.setString(4, event.aggregateKey());
        insert.setString(5, event.payload());
        insert.setTimestamp(6, at);
        insert.setString(7, event.traceparent());
        insert.setTimestamp(8, Timestamp.from(event.audit().occurredAt()));
        insert.setString(9, event.audit().actor());
        insert.setString(10, event.audit().action());
        insert.setString(11, event.audit().subject());
        insert.setString(12, event.audit().detail());
    }

    /** The relay hears of the transaction once, however many events it wrote. */
    private void announceOnce() {
        if (transaction.getResource(ANNOUNCED) == null) {
            transaction.putResource(ANNOUNCED, Boolean.TRUE);
            written.fire(new OutboxWritten());
        }
    }

    /** An event ready to write, with its audit entry. */
    public record Prepared(UUID eventId, EventType type, String aggregateKey, String payload, Instant occurredAt,
            String traceparent, AuditTrail.Pending audit) {
    }

    /** Fired inside the transaction; observed after it commits. */
    public record OutboxWritten() {
    }
}
