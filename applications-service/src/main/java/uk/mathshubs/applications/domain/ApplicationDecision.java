package uk.mathshubs.applications.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change of an application's status: who made it, when and why. Written once, never changed. */
@Entity
@Table(name = "application_decision")
public class ApplicationDecision extends PanacheEntityBase {

    /** Who made a step the platform took by itself: eligibility at intake, allocation, an offer expiring. */
    public static final String PLATFORM = "platform";

    /** Ids fifty at a time, so that a batch's history goes in one round trip. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "application_decision_id")
    @SequenceGenerator(name = "application_decision_id", sequenceName = "application_decision_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ApplicationStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public ApplicationStatus toStatus;

    public String reason;

    /** The reason as a code from its kind's list, on the steps that take one (rejected, withdrawn, declined). */
    @Column(name = "reason_code")
    public String reasonCode;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
}
