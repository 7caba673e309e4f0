package uk.mathshubs.webhooks.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.mathshubs.webhooks.domain.Subscription;

/** The delivery table as the dispatcher works it: what is due, and what each answer makes of a delivery. */
@ApplicationScoped
public class DeliveryQueue {

    /** A delivery taken to be sent: where, signed with what, and the message as the receiver reads it. */
    public record Due(UUID deliveryId, UUID subscriptionId, UUID messageId, int attempts, Instant dueAt, String url,
            List<String> secrets, String body) {
    }

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public DeliveryQueue(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * Leases the deliveries due now, in order: of each subscription's subjects only the oldest pending one (a message
     * is never overtaken by a later one of its subject), and per subscription no more than {@code inFlight} leased at
     * once, counting those other instances hold. Two instances never take the same delivery: the update re-checks the
     * lease on the row it locks.
     */
    public List<Due> take(Instant now, Duration lease, int inFlight, int batch) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                WITH in_flight AS (
                    SELECT subscription_id, count(*) AS taken FROM delivery
                    WHERE status = 'PENDING' AND leased_until > :now GROUP BY subscription_id),
                heads AS (
                    SELECT d.id, d.seq, row_number() OVER (PARTITION BY d.subscription_id ORDER BY d.seq) + coalesce(f.taken, 0) AS slot
                    FROM delivery d
                    JOIN subscription s ON s.id = d.subscription_id AND s.status = 'ACTIVE'
                    LEFT JOIN in_flight f ON f.subscription_id = d.subscription_id
                    WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now AND (d.leased_until IS NULL OR d.leased_until <= :now)
                      AND NOT EXISTS (SELECT 1 FROM delivery e WHERE e.subscription_id = d.subscription_id
                                      AND e.subject = d.subject AND e.status = 'PENDING' AND e.seq < d.seq)),
                chosen AS (SELECT id FROM heads WHERE slot <= :inFlight ORDER BY seq LIMIT :batch)
                UPDATE delivery d SET leased_until = :leaseEnds
                FROM chosen c, message m, subscription s
                WHERE d.id = c.id AND m.id = d.message_id AND s.id = d.subscription_id
                  AND d.status = 'PENDING' AND (d.leased_until IS NULL OR d.leased_until <= :now)
                RETURNING d.id, d.subscription_id, d.message_id, d.attempts, d.next_attempt_at, s.url, s.secret,
                          s.previous_secret, s.previous_secret_until, m.type, CAST(m.data AS text), m.occurred_at, d.seq""")
                .setParameter("now", now).setParameter("leaseEnds", now.plus(lease))
                .setParameter("inFlight", inFlight).setParameter("batch", batch)
                .getResultList();
        return rows.stream()
                .sorted(java.util.Comparator.comparingLong(row -> ((Number) row[12]).longValue()))
                .map(row -> {
                    List<String> secrets = Subscription.signingSecrets((String) row[6], (String) row[7], instant(row[8]), now);
                    return new Due((UUID) row[0], (UUID) row[1], (UUID) row[2], ((Number) row[3]).intValue(), instant(row[4]),
                            (String) row[5], secrets, body((String) row[9], instant(row[11]), (String) row[10]));
                }).toList();
    }

    /** A delivery its receiver took: when, and with what status code. */
    public record Delivered(UUID id, Instant at, int statusCode) {
    }

    /** Writes down deliveries their receivers took, in one statement. */
    public void delivered(List<Delivered> delivered) {
        if (delivered.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("""
                UPDATE delivery d SET status = 'DELIVERED', attempts = d.attempts + 1, last_attempt_at = v.at, delivered_at = v.at,
                    last_status_code = v.code, last_error = NULL, leased_until = NULL
                FROM unnest(CAST(:ids AS uuid[]), CAST(:ats AS timestamptz[]), CAST(:codes AS integer[])) AS v (id, at, code)
                WHERE d.id = v.id AND d.status = 'PENDING'""")
                .setParameter("ids", array(delivered.stream().map(d -> d.id().toString())))
                .setParameter("ats", array(delivered.stream().map(d -> d.at().toString())))
                .setParameter("codes", array(delivered.stream().map(d -> Integer.toString(d.statusCode()))))
                .executeUpdate();
    }

    /** A PostgreSQL array literal of values that need no quoting (ids, ISO instants, numbers). */
    private static String array(java.util.stream.Stream<String> values) {
        return values.collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /** The receiver answered 410 Gone: this delivery is given up and the subscription switched off. */
    public void gone(Due delivery, Receivers.Answer answer, Instant now) {
        entityManager.createNativeQuery("""
                UPDATE delivery SET status = 'FAILED', attempts = attempts + 1, last_attempt_at = :now,
                    last_status_code = 410, last_error = 'answered 410 Gone: the subscription was switched off', leased_until = NULL
                WHERE id = :id AND status = 'PENDING'""")
                .setParameter("now", now).setParameter("id", delivery.deliveryId()).executeUpdate();
        entityManager.createNativeQuery("""
                UPDATE subscription SET status = 'DISABLED', changed_at = :now,
                    disabled_reason = 'The receiver answered 410 Gone on ' || to_char(CAST(:now AS timestamptz) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                WHERE id = :id AND status = 'ACTIVE'""")
                .setParameter("now", now).setParameter("id", delivery.subscriptionId()).executeUpdate();
    }

    /** Tried again at {@code next}, or given up if that is past its retry window; true if it will be tried again. */
    public boolean failed(UUID id, Receivers.Answer answer, Instant now, Instant next) {
        @SuppressWarnings("unchecked")
        List<Object> status = entityManager.createNativeQuery("""
                UPDATE delivery SET attempts = attempts + 1, last_attempt_at = :now, leased_until = NULL,
                    last_status_code = CAST(:code AS integer), last_error = :error,
                    status = CASE WHEN :next > retry_until THEN 'FAILED' ELSE 'PENDING' END,
                    next_attempt_at = CASE WHEN :next > retry_until THEN next_attempt_at ELSE :next END
                WHERE id = :id AND status = 'PENDING'
                RETURNING status""")
                .setParameter("now", now).setParameter("code", answer.statusCode()).setParameter("error", answer.error())
                .setParameter("next", next).setParameter("id", id).getResultList();
        return status.stream().anyMatch("PENDING"::equals);
    }

    /**
     * Forgets what is over: deliveries delivered, given up or superseded before {@code before}, then the messages no
     * delivery needs any more (and none that arrived since could: they were queued when they came). Returns how many
     * deliveries went.
     */
    public int forgetBefore(Instant before) {
        int deliveries = entityManager.createNativeQuery("""
                DELETE FROM delivery d
                WHERE d.status <> 'PENDING' AND coalesce(d.last_attempt_at, d.created_at) < :before
                   OR d.status = 'PENDING' AND d.created_at < :before
                      AND EXISTS (SELECT 1 FROM subscription s WHERE s.id = d.subscription_id AND s.status = 'DISABLED')""")
                .setParameter("before", before).executeUpdate();
        entityManager.createNativeQuery("""
                DELETE FROM message m WHERE m.created_at < :before AND (m.held_until IS NULL OR m.held_until < :before)
                  AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.message_id = m.id)""")
                .setParameter("before", before).executeUpdate();
        return deliveries;
    }

    /** The message as Standard Webhooks frames it: its type, when it happened, and its data. */
    private String body(String type, Instant occurredAt, String data) {
        try {
            ObjectNode body = json.createObjectNode();
            body.put("type", type);
            body.put("timestamp", occurredAt.toString());
            body.set("data", json.readTree(data));
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A message's data is the JSON it was stored as", e);
        }
    }

    public static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime time -> time.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalArgumentException("not a time: " + value.getClass());
        };
    }
}
