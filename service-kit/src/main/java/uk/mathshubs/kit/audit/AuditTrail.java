package uk.mathshubs.kit.audit;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduled;
import uk.mathshubs.kit.paging.Page;
import uk.mathshubs.kit.paging.PageRequest;
import uk.mathshubs.kit.security.Caller;

/**
 * Who changed what, and when, and who read personal data: one entry per change a service announces (the outbox
 * records it with the event, in the same transaction) and per pull of personal data. Entries name the people who
 * acted (staff, clients), never the teachers acted on: names, addresses and TRNs are left out of what is kept.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    /** Keys whose values identify a teacher; an entry keeps everything else of what changed. */
    private static final Set<String> PERSONAL = Set.of("name", "email", "trn");

    private final EntityManager entityManager;
    private final Instance<Caller> caller;
    private final ObjectMapper json;
    private final Clock clock;

    private final Duration retention;

    public AuditTrail(EntityManager entityManager, Instance<Caller> caller, ObjectMapper json, Clock clock,
            @ConfigProperty(name = "kit.audit.retention", defaultValue = "P2190D") Duration retention) {
        this.entityManager = entityManager;
        this.caller = caller;
        this.json = json;
        this.clock = clock;
        this.retention = retention;
    }

    public record Entry(long id, Instant occurredAt, String actor, String action, String subject, JsonNode detail) {
    }

    /** Filters, each optional, and the page: {@code before} is the id of the previous page's last entry. */
    public record Query(String action, String subject, String actor, Instant from, Instant to, Long before, PageRequest paging) {
    }

    /** An entry to write, made in the caller's context (its actor); see {@link #entry}. */
    public record Pending(Instant occurredAt, String actor, String action, String subject, String detail) {
    }

    /**
     * The entry for a change made by whoever is calling (a user or client, or the system outside requests), for the
     * caller to write with the change itself: the outbox writes it in the same statement as the event.
     */
    public Pending entry(String action, String subject, JsonNode detail) {
        return pending(actor(), action, subject, detail);
    }

    /** An entry for the caller, for a change no event announces (a draft, reference data). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String subject, JsonNode detail) {
        record(actor(), action, subject, detail);
    }

    /** An entry for a named actor, for work that outlives its request (a CSV streamed after the method returned). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String subject, JsonNode detail) {
        Pending entry = pending(actor, action, subject, detail);
        // Plain JDBC: a native query would make Hibernate flush the caller's whole session first.
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO audit_entry (occurred_at, actor, action, subject, detail) VALUES (?, ?, ?, ?, CAST(? AS jsonb))""")) {
                insert.setTimestamp(1, Timestamp.from(entry.occurredAt()));
                insert.setString(2, entry.actor());
                insert.setString(3, entry.action());
                insert.setString(4, entry.subject());
                insert.setString(5, entry.detail());
                insert.executeUpdate();
            }
        });
    }

    private Pending pending(String actor, String action, String subject, JsonNode detail) {
        return new Pending(clock.instant(), actor, action, subject,
                detail == null ? null : withoutPersonalData(detail.deepCopy()).toString());
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        deleteExpired();
    }

    /** Entries past the retention period (six years unless {@code kit.audit.retention} says otherwise) go, hourly. */
    @Transactional
    public int deleteExpired() {
        int deleted = entityManager.createNativeQuery("DELETE FROM audit_entry WHERE occurred_at < :before")
                .setParameter("before", clock.instant().minus(retention)).executeUpdate();
        if (deleted > 0) {
            LOG.infof("Deleted %d audit entries older than %s", deleted, retention);
        }
        return deleted;
    }

    /** Newest first, a page at a time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Entry> entries(Query query) {
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, actor, action, subject, detail::text FROM audit_entry WHERE true");
        List<Object> parameters = new ArrayList<>();
        condition(sql, parameters, "action = ?", query.action());
        condition(sql, parameters, "(subject = ? OR detail->>'reference' = ?)", query.subject()); // id, or a reference
        condition(sql, parameters, "actor = ?", query.actor());
        condition(sql, parameters, "occurred_at >= ?", query.from() == null ? null : Timestamp.from(query.from()));
        condition(sql, parameters, "occurred_at < ?", query.to() == null ? null : Timestamp.from(query.to()));
        condition(sql, parameters, "id < ?", query.before());
        sql.append(" ORDER BY id DESC LIMIT ").append(query.paging().size() + 1L);
        var statement = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            statement.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = statement.getResultList();
        return Page.afterKey(rows.stream().map(this::entry).toList(), query.paging(), Entry::id);
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String condition, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            sql.append(" AND ").append(condition.replace("?", "?" + (parameters.size() + 1)));
            parameters.add(value);
        }
    }

    private Entry entry(Object[] row) {
        try {
            Instant at = switch (row[1]) {
                case Instant instant -> instant;
                case java.time.OffsetDateTime offset -> offset.toInstant();
                case Timestamp timestamp -> timestamp.toInstant();
                default -> throw new IllegalStateException("Unexpected timestamp " + row[1].getClass());
            };
            return new Entry(((Number) row[0]).longValue(), at, (String) row[2], (String) row[3], (String) row[4],
                    row[5] == null ? null : json.readTree((String) row[5]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit entry " + row[0] + " does not read", e);
        }
    }

    /** Staff and clients by their user name; the scheduler and event consumers as "system"; schools as "anonymous". */
    private String actor() {
        if (!Arc.container().requestContext().isActive()) {
            return "system";
        }
        return caller.get().name();
    }

    private static JsonNode withoutPersonalData(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(PERSONAL);
            object.forEach(AuditTrail::withoutPersonalData);
        } else if (node instanceof ArrayNode array) {
            array.forEach(AuditTrail::withoutPersonalData);
        }
        return node;
    }
}
