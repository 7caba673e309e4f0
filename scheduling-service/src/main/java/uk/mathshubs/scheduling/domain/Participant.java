package uk.mathshubs.scheduling.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import uk.mathshubs.contracts.ParticipantRole;

/** One person an accepted school named on its application: a headteacher, maths lead or lead teacher. */
@Entity
@Table(name = "participant")
public class Participant extends PanacheEntityBase {

    /** The applications service's participantId, so a redelivered acceptance finds the same person. */
    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "work_group_id", nullable = false)
    public UUID workGroupId;

    @Column(name = "programme_code", nullable = false)
    public String programmeCode;

    @Column(name = "academic_year", nullable = false)
    public String academicYear;

    @Column(nullable = false)
    public String urn;

    @Column(name = "school_name", nullable = false)
    public String schoolName;

    /** A {@link ParticipantRole} name, kept as text so that a role added to the contract later still loads. */
    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String name;

    /** Null once the person was erased. */
    public String email;

    public String trn;

    /** The secret in the person's private calendar link. */
    @Column(name = "calendar_token", nullable = false, updatable = false)
    public String calendarToken;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /** Set when the person was erased at their request. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /** 240 random bits, URL-safe: the link is the only key to the person's calendar. */
    public static String newCalendarToken() {
        return Secrets.newLinkToken();
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }
}
