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

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean isCentral() {
        return workGroupId == null;
    }
}
