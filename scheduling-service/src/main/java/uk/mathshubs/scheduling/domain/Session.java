package uk.mathshubs.scheduling.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import uk.mathshubs.contracts.ParticipantRole.Audience;

/**
 * A session a school's people are expected at: local (run by one Work Group's hub) or central (national,
 * for every Work Group of its programme and year; {@code workGroupId} is null).
 */
@Entity
@Table(name = "session")
public class Session extends PanacheEntityBase {

    /** The kind of reason code a cancellation is given with (its list: table reason_code, kit ReasonCodes). */
    public static final String CANCELLATION_REASONS = "session-cancellation";

    @Id
    public UUID id;

    @Column(name = "work_group_id")
    public UUID workGroupId;

    @Column(name = "programme_code", nullable = false)
    public String programmeCode;

    @Column(name = "academic_year", nullable = false)
    public String academicYear;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Audience audience;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_mode", nullable = false)
    public DeliveryMode deliveryMode;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    /** Derived from the start date; stored so that reports can group by it. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Term term;

    public String location;

    @Column(name = "join_link")
    public String joinLink;

    @Column(name = "recording_link")
    public String recordingLink;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionStatus status;

    @Column(nullable = false)
    public int sequence;

    /** Why the session was last moved or cancelled. */
    @Column(name = "status_reason")
    public String statusReason;

    /** A cancellation's reason as a code from its list; null for a session not cancelled (a move takes none). */
    @Column(name = "reason_code")
    public String reasonCode;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isCancelled() {
        return status == SessionStatus.CANCELLED;
    }

    /** Two sessions clash when their times overlap and the same people are expected at both. */
    public boolean clashesWith(Session other) {
        boolean sameAudience = audience == other.audience || audience == Audience.EVERYONE
                || other.audience == Audience.EVERYONE;
        return sameAudience && startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }

    /** Moves the session; calendars see a new revision of the same event. */
    public void moveTo(Instant newStart, Instant newEnd, Term newTerm, String reason, Instant now) {
        startsAt = newStart;
        endsAt = newEnd;
        term = newTerm;
        statusReason = reason;
        sequence++;
        updatedAt = now;
    }

    public void cancel(String reasonCode, String reason, Instant now) {
        status = SessionStatus.CANCELLED;
        this.reasonCode = reasonCode;
        statusReason = reason;
        sequence++;
        updatedAt = now;
    }

    public boolean isCentral() {
        return workGroupId == null;
    }
}
