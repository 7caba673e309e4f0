package uk.mathshubs.kit.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An event waiting to be relayed to Kafka. Written in the same transaction as the change it describes,
 * so the change and its event are committed together or not at all. Each service's own migration
 * creates the table (see {@code outbox_event} in its {@code V1} script).
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** Relay order: the order the changes were committed in. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    /** The CloudEvents id, which consumers use to recognise a redelivery. */
    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String topic;

    /** The Kafka record key: events about one aggregate stay in order on one partition. */
    @Column(name = "aggregate_key", nullable = false)
    public String aggregateKey;

    @Column(nullable = false)
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    protected OutboxEvent() {
    }

    OutboxEvent(UUID eventId, String type, String topic, String aggregateKey, String payload, Instant occurredAt) {
        this.eventId = eventId;
        this.type = type;
        this.topic = topic;
        this.aggregateKey = aggregateKey;
        this.payload = payload;
        this.occurredAt = occurredAt;
    }
}
