package uk.mathshubs.webhooks.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.mathshubs.contracts.catalogue.WorkGroupPayload;
import uk.mathshubs.kit.ids.TimeOrderedIds;
import uk.mathshubs.webhooks.config.WebhooksConfig;
import uk.mathshubs.webhooks.domain.DecisionRelease;
import uk.mathshubs.webhooks.domain.Message;
import uk.mathshubs.webhooks.domain.WebhookEventType;

/**
 * Keeps each message once and queues it for every active subscription that asked for its type and may be told of its
 * hub, in the consumer's transaction: a message is queued exactly when the event is taken in.
 */
@ApplicationScoped
public class Messages {

    /** Fired in the transaction that queued deliveries; the dispatcher starts after its commit. */
    public record Queued() {
    }

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;
    private final WebhooksConfig config;
    private final Event<Queued> queued;

    public Messages(EntityManager entityManager, ObjectMapper json, Clock clock, WebhooksConfig config, Event<Queued> queued) {
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.queued = queued;
    }

    public void record(String eventId, Instant occurredAt, Message message) {
        Instant now = clock.instant();
        // Something new about a subject makes what was held about it moot: a decision not yet released on an application
        // since withdrawn, an offer's reminder once the offer was taken up or declined.
        entityManager.createNativeQuery("""
                UPDATE delivery SET status = 'SUPERSEDED'
                WHERE subject = :subject AND status = 'PENDING' AND held AND attempts = 0 AND next_attempt_at > :now
                  AND (leased_until IS NULL OR leased_until <= :now)""")
                .setParameter("subject", message.subject()).setParameter("now", now).executeUpdate();
        entityManager.createNativeQuery("""
                UPDATE message SET superseded = true
                WHERE subject = :subject AND held_until IS NOT NULL AND NOT superseded AND held_until > :now""")
                .setParameter("subject", message.subject()).setParameter("now", now).executeUpdate();

        // Kept for nobody: a subscription made later is told of what happens after it. A held message is kept all the
        // same: a subscription made before its date is told of it then (Subscriptions.subscribe).
        boolean wanted = anyoneSubscribesTo(message.type());
        if (!wanted && message.hold() instanceof Message.AtOnce) {
            return;
        }
        Optional<KnownWorkGroup> group = Optional.ofNullable(message.workGroupId()).flatMap(this::workGroup);
        String hub = message.hubCode() != null ? message.hubCode() : group.map(KnownWorkGroup::hubCode).orElse(null);
        Instant due = switch (message.hold()) {
            case Message.AtOnce ignored -> now;
            case Message.Until until -> until.time();
            case Message.UntilDecisionsReleased ignored ->
                    DecisionRelease.releasedAt(group.map(KnownWorkGroup::confirmationDate).orElse(null));
        };
        boolean held = due.isAfter(now);
        if (!wanted && !held) {
            return;
        }
        if (held) {
            lockHeldMessages(entityManager);
        }
        UUID id = TimeOrderedIds.next();
        entityManager.createNativeQuery("""
                INSERT INTO message (id, event_id, type, subject, hub_code, every_hub, work_group_id, data, occurred_at, created_at,
                                     held_until)
                VALUES (:id, :event, :type, :subject, CAST(:hub AS text), :everyHub, CAST(:workGroup AS uuid), CAST(:data AS jsonb),
                        :occurredAt, :now, CAST(:heldUntil AS timestamptz))""")
                .setParameter("id", id).setParameter("event", eventId).setParameter("type", message.type().type())
                .setParameter("subject", message.subject()).setParameter("hub", hub).setParameter("everyHub", message.everyHub())
                .setParameter("workGroup", message.workGroupId()).setParameter("data", write(message))
                .setParameter("occurredAt", occurredAt == null ? now : occurredAt)
                .setParameter("now", now).setParameter("heldUntil", held ? due : null).executeUpdate();
        int deliveries = queue(id, message.type(), message.subject(), hub, message.everyHub(), held, due);
        if (deliveries > 0) {
            queued.fire(new Queued());
        }
    }

    /**
     * A Work Group as the catalogue now announces it: its hub (a message that came before it reaches that hub's
     * subscribers now) and its confirmation date (held decisions go on the new date).
     */
    public void workGroup(WorkGroupPayload group) {
        int changed = entityManager.createNativeQuery("""
                INSERT INTO work_group (id, hub_code, confirmation_date, revision) VALUES (:id, :hub, CAST(:date AS date), :revision)
                ON CONFLICT (id) DO UPDATE SET hub_code = EXCLUDED.hub_code, confirmation_date = EXCLUDED.confirmation_date,
                    revision = EXCLUDED.revision
                WHERE work_group.revision < EXCLUDED.revision""")
                .setParameter("id", group.workGroupId()).setParameter("hub", group.hubCode())
                .setParameter("date", group.confirmationDate()).setParameter("revision", group.revision()).executeUpdate();
        if (changed == 0) {
            return; // an older revision, or one already applied
        }
        Instant now = clock.instant();
        Instant released = DecisionRelease.releasedAt(group.confirmationDate());
        Instant due = released.isAfter(now) ? released : now;
        entityManager.createNativeQuery("""
                UPDATE delivery d SET next_attempt_at = :due, retry_until = :retryUntil
                FROM message m
                WHERE m.id = d.message_id AND m.work_group_id = :id AND m.type = :decision
                  AND d.status = 'PENDING' AND d.held AND d.attempts = 0""")
                .setParameter("due", due).setParameter("retryUntil", due.plus(config.retryFor()))
                .setParameter("id", group.workGroupId()).setParameter("decision", WebhookEventType.DECISION_RELEASED.type())
                .executeUpdate();
        entityManager.createNativeQuery("""
                UPDATE message SET held_until = :due
                WHERE work_group_id = :id AND type = :decision AND held_until IS NOT NULL AND NOT superseded""")
                .setParameter("due", due).setParameter("id", group.workGroupId())
                .setParameter("decision", WebhookEventType.DECISION_RELEASED.type()).executeUpdate();

        // The messages that came before their Work Group did reached national subscribers only: now its hub's too, in
        // the order they came, held as they were, and none superseded since.
        int deliveries = entityManager.createNativeQuery("""
                WITH placed AS (
                    UPDATE message SET hub_code = :hub
                    WHERE work_group_id = :id AND hub_code IS NULL AND NOT every_hub
                    RETURNING id, type, subject, created_at, superseded, held_until)
                INSERT INTO delivery (id, subscription_id, message_id, subject, status, held, next_attempt_at, retry_until, created_at)
                SELECT gen_random_uuid(), s.id, m.id, m.subject, 'PENDING', coalesce(m.held_until > :now, false),
                       greatest(coalesce(m.held_until, :now), :now), greatest(coalesce(m.held_until, :now), :now) + make_interval(secs => :retryFor),
                       :now
                FROM placed m JOIN subscription s ON s.status = 'ACTIVE' AND m.type = ANY (s.event_types) AND s.hub_code = :hub
                WHERE NOT m.superseded
                ORDER BY m.created_at, m.id, s.id
                ON CONFLICT (subscription_id, message_id) DO NOTHING""")
                .setParameter("hub", group.hubCode()).setParameter("id", group.workGroupId()).setParameter("now", now)
                .setParameter("retryFor", (double) config.retryFor().toSeconds()).executeUpdate();
        if (deliveries > 0 || due.equals(now)) {
            queued.fire(new Queued());
        }
    }

    /**
     * Taken by whatever writes a held message and by a new subscription's backfill of them, until its transaction ends:
     * a subscription made while a decision is being recorded is told of it, by one or the other, never by neither.
     */
    public static void lockHeldMessages(EntityManager entityManager) {
        entityManager.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(8180418) AS text)").getSingleResult();
    }

    private int queue(UUID messageId, WebhookEventType type, String subject, String hub, boolean everyHub, boolean held, Instant due) {
        return entityManager.createNativeQuery("""
                INSERT INTO delivery (id, subscription_id, message_id, subject, status, held, next_attempt_at, retry_until, created_at)
                SELECT gen_random_uuid(), s.id, :message, :subject, 'PENDING', :held, :due,
                       :retryUntil, :now
                FROM subscription s
                WHERE s.status = 'ACTIVE' AND :type = ANY (s.event_types)
                  AND (s.hub_code IS NULL OR :everyHub OR s.hub_code = CAST(:hub AS text))
                ORDER BY s.id""")
                .setParameter("message", messageId).setParameter("subject", subject).setParameter("held", held)
                .setParameter("due", due).setParameter("retryUntil", due.plus(config.retryFor()))
                .setParameter("now", clock.instant()).setParameter("type", type.type())
                .setParameter("everyHub", everyHub).setParameter("hub", hub).executeUpdate();
    }

    private boolean anyoneSubscribesTo(WebhookEventType type) {
        return !entityManager.createNativeQuery("SELECT 1 FROM subscription WHERE status = 'ACTIVE' AND :type = ANY (event_types) LIMIT 1")
                .setParameter("type", type.type()).getResultList().isEmpty();
    }

    private record KnownWorkGroup(String hubCode, LocalDate confirmationDate) {
    }

    private Optional<KnownWorkGroup> workGroup(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT hub_code, confirmation_date FROM work_group WHERE id = :id")
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(row -> new KnownWorkGroup((String) row[0], toDate(row[1])));
    }

    private static LocalDate toDate(Object value) {
        return value == null ? null : value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private String write(Message message) {
        try {
            return json.writeValueAsString(message.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A message's data is ids, times and links", e);
        }
    }
}
