package uk.mathshubs.webhooks.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A client's request to be told of some kinds of event at an address, and the secret its messages are signed with. */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The client (the token's azp) that owns it: only that client sees or changes it. */
    @Column(name = "client_id")
    public String clientId;

    /** The hub it is told about; null for a national client, told about every hub. */
    @Column(name = "hub_code")
    public String hubCode;

    public String url;

    @Column(name = "event_types")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] eventTypes;

    public String description;

    @Enumerated(EnumType.STRING)
    public SubscriptionStatus status;

    @Column(name = "disabled_reason")
    public String disabledReason;

    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "changed_at")
    public Instant changedAt;

    public static Optional<Subscription> ownedBy(String clientId, UUID id) {
        return Subscription.<Subscription>findByIdOptional(id).filter(s -> s.clientId.equals(clientId));
    }

    public List<String> types() {
        return List.of(eventTypes);
    }

    /**
     * A new secret signs from now on; the one before it goes on signing until {@code graceEnds}, so a receiver that
     * still checks with it loses nothing while it changes over. A second rotation within the grace ends the first
     * secret's at once: rotate again only once the receiver has the new one (or because the new one leaked too).
     */
    public void rotate(String newSecret, Instant now, Instant graceEnds) {
        previousSecret = secret;
        previousSecretUntil = graceEnds;
        secret = newSecret;
        changedAt = now;
    }

    /** The secrets that sign a message sent at {@code now}: the current one, and the one before while its grace lasts. */
    public List<String> signingSecrets(Instant now) {
        return signingSecrets(secret, previousSecret, previousSecretUntil, now);
    }

    /** The rule itself, for a subscription read as a row (the dispatcher's). */
    public static List<String> signingSecrets(String secret, String previousSecret, Instant previousSecretUntil, Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? List.of(secret, previousSecret)
                : List.of(secret);
    }
}
