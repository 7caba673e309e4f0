package uk.mathshubs.webhooks.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.mathshubs.kit.audit.AuditTrail;
import uk.mathshubs.kit.ids.TimeOrderedIds;
import uk.mathshubs.kit.paging.Page;
import uk.mathshubs.kit.paging.PageRequest;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.webhooks.api.SubscriptionRequest;
import uk.mathshubs.webhooks.config.WebhooksConfig;
import uk.mathshubs.webhooks.delivery.DeliveryQueue;
import uk.mathshubs.webhooks.delivery.Dispatcher;
import uk.mathshubs.webhooks.delivery.Signatures;
import uk.mathshubs.webhooks.domain.DeliveryStatus;
import uk.mathshubs.webhooks.domain.ReceiverAddress;
import uk.mathshubs.webhooks.domain.Subscription;
import uk.mathshubs.webhooks.domain.SubscriptionStatus;
import uk.mathshubs.webhooks.domain.WebhookEventType;

/** A client's subscriptions: made, read, rotated and deleted by that client only, and their deliveries. */
@ApplicationScoped
public class Subscriptions {

    /**
     * Who owns a subscription: the client a token was issued to, and the hub it may be told about (null: every hub,
     * for a national client).
     */
    public record Owner(String clientId, String hubCode) {
    }

    /** A delivery as the log lists it. */
    public record Delivery(UUID id, long seq, UUID messageId, String eventType, DeliveryStatus status, int attempts,
            Integer lastStatusCode, String lastError, Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt,
            Instant createdAt) {
    }

    private final EntityManager entityManager;
    private final WebhooksConfig config;
    private final Clock clock;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Dispatcher dispatcher;

    public Subscriptions(EntityManager entityManager, WebhooksConfig config, Clock clock, AuditTrail audit, ObjectMapper json,
            Dispatcher dispatcher) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
        this.audit = audit;
        this.json = json;
        this.dispatcher = dispatcher;
    }

    /** A new subscription and its secret (which is shown only now). */
    @Transactional
    public Created subscribe(Owner owner, SubscriptionRequest request) {
        ReceiverAddress.refusal(request.url(), config.allowLocalReceivers())
                .ifPresent(why -> {
                    throw ProblemException.invalidField("url", why);
                });
        List<String> types = eventTypes(request.eventTypes());
        long held = Subscription.count("clientId", owner.clientId());
        if (held >= config.subscriptionsPerClient()) {
            throw ProblemException.conflict("too-many-subscriptions", "Too many subscriptions",
                    "A client may hold " + config.subscriptionsPerClient() + " subscriptions; delete one first");
        }
        Instant now = clock.instant();
        Subscription subscription = new Subscription();
        subscription.id = TimeOrderedIds.next();
        subscription.clientId = owner.clientId();
        subscription.hubCode = owner.hubCode();
        subscription.url = request.url();
        subscription.eventTypes = types.toArray(String[]::new);
        subscription.description = request.description();
        subscription.status = SubscriptionStatus.ACTIVE;
        subscription.secret = Signatures.newSecret();
        subscription.createdAt = now;
        subscription.changedAt = now;
        subscription.persist();
        entityManager.flush();
        Messages.lockHeldMessages(entityManager);
        // Told of what is still to come, what was decided before it subscribed included: decisions not yet released
        // and offers' reminders not yet due, of its hub and its types, unless something later happened to them.
        int waiting = entityManager.createNativeQuery("""
                INSERT INTO delivery (id, subscription_id, message_id, subject, status, held, next_attempt_at, retry_until, created_at)
                SELECT gen_random_uuid(), s.id, m.id, m.subject, 'PENDING', true, m.held_until,
                       m.held_until + make_interval(secs => :retryFor), :now
                FROM message m JOIN subscription s ON s.id = :id
                WHERE m.held_until > :now AND NOT m.superseded AND m.type = ANY (s.event_types)
                  AND (s.hub_code IS NULL OR m.every_hub OR m.hub_code = s.hub_code)
                ORDER BY m.created_at""")
                .setParameter("id", subscription.id).setParameter("now", now)
                .setParameter("retryFor", (double) config.retryFor().toSeconds()).executeUpdate();
        audit.record("webhook.subscribed", subject(subscription), json.valueToTree(
                java.util.Map.of("eventTypes", types, "hubCode", String.valueOf(owner.hubCode()), "heldMessages", waiting)));
        return new Created(subscription, subscription.secret);
    }

    public record Created(Subscription subscription, String secret) {
    }

    public Page<Subscription> list(Owner owner, PageRequest paging) {
        List<Subscription> rows = Subscription.<Subscription>find("clientId = ?1 order by createdAt, id", owner.clientId())
                .range(paging.offset(), paging.offset() + paging.size()).list();
        return Page.fromOffset(rows, paging);
    }

    public Subscription get(Owner owner, UUID id) {
        // Another client's subscription is as absent as one that never was: its existence is not theirs to learn.
        return Subscription.ownedBy(owner.clientId(), id).orElseThrow(() -> ProblemException.notFound("Subscription " + id));
    }

    @Transactional
    public void unsubscribe(Owner owner, UUID id) {
        Subscription subscription = get(owner, id);
        subscription.delete(); // its deliveries go with it (ON DELETE CASCADE); the messages stay for other subscriptions
        audit.record("webhook.unsubscribed", subject(subscription), null);
    }

    /** A new secret; the previous one goes on signing for the grace period, so the receiver can change over. */
    @Transactional
    public Subscription rotate(Owner owner, UUID id) {
        Subscription subscription = get(owner, id);
        Instant now = clock.instant();
        subscription.rotate(Signatures.newSecret(), now, now.plus(config.rotationGrace()));
        audit.record("webhook.secret-rotated", subject(subscription), null);
        return subscription;
    }

    /** The subscription's deliveries, newest first, optionally of one status only. */
    public Page<Delivery> deliveries(Owner owner, UUID id, Optional<DeliveryStatus> status, PageRequest paging) {
        get(owner, id);
        long before = paging.afterNumber().orElse(Long.MAX_VALUE);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT d.id, d.seq, d.message_id, m.type, d.status, d.attempts, d.last_status_code, d.last_error, d.last_attempt_at,
                       d.next_attempt_at, d.delivered_at, d.created_at
                FROM delivery d JOIN message m ON m.id = d.message_id
                WHERE d.subscription_id = :id AND d.seq < :before AND (CAST(:status AS text) IS NULL OR d.status = CAST(:status AS text))
                ORDER BY d.seq DESC LIMIT :limit""")
                .setParameter("id", id).setParameter("before", before).setParameter("status", status.map(Enum::name).orElse(null))
                .setParameter("limit", paging.size() + 1).getResultList();
        List<Delivery> deliveries = new ArrayList<>();
        for (Object[] row : rows) {
            deliveries.add(new Delivery((UUID) row[0], ((Number) row[1]).longValue(), (UUID) row[2], (String) row[3],
                    DeliveryStatus.valueOf((String) row[4]), ((Number) row[5]).intValue(),
                    row[6] == null ? null : ((Number) row[6]).intValue(), (String) row[7], DeliveryQueue.instant(row[8]),
                    DeliveryQueue.instant(row[9]), DeliveryQueue.instant(row[10]), DeliveryQueue.instant(row[11])));
        }
        return Page.afterKey(deliveries, paging, Delivery::seq);
    }

    /**
     * Sends a delivery again, now, with the same webhook-id: one that failed (the receiver was down for longer than the
     * retries) or one the receiver lost. It keeps its place in its subject's order.
     */
    @Transactional
    public void redeliver(Owner owner, UUID id, UUID deliveryId) {
        Subscription subscription = get(owner, id);
        if (subscription.status != SubscriptionStatus.ACTIVE) {
            throw ProblemException.conflict("subscription-disabled", "Subscription disabled",
                    "The subscription is switched off (" + subscription.disabledReason + "); make a new one");
        }
        Instant now = clock.instant();
        int changed = entityManager.createNativeQuery("""
                UPDATE delivery SET status = 'PENDING', held = false, next_attempt_at = :now, retry_until = :retryUntil
                WHERE id = :delivery AND subscription_id = :id AND status IN ('DELIVERED', 'FAILED')""")
                .setParameter("now", now).setParameter("retryUntil", now.plus(config.retryFor()))
                .setParameter("delivery", deliveryId).setParameter("id", id).executeUpdate();
        if (changed == 0) {
            Object status = entityManager.createNativeQuery("SELECT status FROM delivery WHERE id = :delivery AND subscription_id = :id")
                    .setParameter("delivery", deliveryId).setParameter("id", id).getResultList().stream().findFirst().orElse(null);
            if (status == null) {
                throw ProblemException.notFound("Delivery " + deliveryId);
            }
            // A pending delivery goes when it is due: one held (a decision before its release date) must not go sooner.
            throw ProblemException.conflict("delivery-not-redeliverable", "Not redeliverable", "SUPERSEDED".equals(status)
                    ? "The delivery was superseded: something later happened to its subject, and that was sent instead"
                    : "The delivery is still pending: it goes when it is due; only a delivered or failed one can be sent again");
        }
        audit.record("webhook.redelivery", subject(subscription), json.valueToTree(java.util.Map.of("delivery", deliveryId.toString())));
        dispatcher.kick();
    }

    private static String subject(Subscription subscription) {
        return "webhook-subscription:" + subscription.id;
    }

    /** The types asked for, each one known, once each, in the order given. */
    private static List<String> eventTypes(List<String> asked) {
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            String type = asked.get(i);
            if (WebhookEventType.fromType(type).isEmpty()) {
                throw ProblemException.invalidField("eventTypes[" + i + "]", "unknown event type '" + type
                        + "'; GET /api/v1/webhooks/event-types lists them");
            }
            types.add(type);
        }
        return List.copyOf(types);
    }
}
