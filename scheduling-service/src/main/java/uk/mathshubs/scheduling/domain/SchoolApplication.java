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

/**
 * A school's application to a Work Group as the applications service announced it: where it stands and when each
 * step happened. Kept for the NCETM's sync, which wants schools, people and attendance from one place.
 */
@Entity
@Table(name = "school_application")
public class SchoolApplication extends PanacheEntityBase {

    /** Where an application stands, as far as its events tell: a hub's review in between is not announced. */
    public enum Status {
        SUBMITTED, WAITLISTED, OFFERED, ACCEPTED, DECLINED, EXPIRED, REJECTED, WITHDRAWN
    }

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Column(nullable = false)
    public String reference;

    @Column(name = "work_group_id", nullable = false)
    public UUID workGroupId;

    @Column(nullable = false)
    public String urn;

    @Column(name = "school_name")
    public String schoolName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "waitlisted_at")
    public Instant waitlistedAt;

    @Column(name = "waiting_list_position")
    public Integer waitingListPosition;

    @Column(name = "offered_at")
    public Instant offeredAt;

    @Column(name = "offer_expires_at")
    public Instant offerExpiresAt;

    @Column(name = "offer_ended_at")
    public Instant offerEndedAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "rejected_at")
    public Instant rejectedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /** The code of the step that ended it (rejected, withdrawn, offer declined), as its event gave it. */
    @Column(name = "reason_code")
    public String reasonCode;

    /** The first event of an application to reach this service makes its row, whichever it is. */
    public static SchoolApplication of(UUID applicationId, String reference, UUID workGroupId, String urn) {
        SchoolApplication application = SchoolApplication.findById(applicationId);
        boolean first = application == null;
        if (first) {
            application = new SchoolApplication();
            application.applicationId = applicationId;
            application.status = Status.SUBMITTED;
        }
        application.reference = reference;
        application.workGroupId = workGroupId;
        application.urn = urn;
        if (first) {
            application.persist();
        }
        return application;
    }

    public void submitted(String schoolName, Instant at) {
        nameSchool(schoolName);
        submittedAt = at;
    }

    public void waitlisted(int position, Instant at) {
        status = Status.WAITLISTED;
        waitingListPosition = position;
        if (waitlistedAt == null) {
            waitlistedAt = at;
        }
    }

    /** A school ahead of this one left the waiting list. */
    public void movedUp(int position) {
        if (status == Status.WAITLISTED) {
            waitingListPosition = position;
        }
    }

    public void offered(Instant expiresAt, Instant at) {
        status = Status.OFFERED;
        offeredAt = at;
        offerExpiresAt = expiresAt;
        waitingListPosition = null;
    }

    /** Declined, with its reason's code; or expired, with none. */
    public void offerEnded(boolean declined, String reasonCode, Instant at) {
        status = declined ? Status.DECLINED : Status.EXPIRED;
        offerEndedAt = at;
        this.reasonCode = declined ? reasonCode : null;
    }

    public void accepted(String schoolName, Instant at) {
        nameSchool(schoolName);
        status = Status.ACCEPTED;
        acceptedAt = at;
        waitingListPosition = null;
    }

    public void rejected(String reasonCode, Instant at) {
        status = Status.REJECTED;
        this.reasonCode = reasonCode;
        rejectedAt = at;
        waitingListPosition = null;
    }

    public void withdrawn(String reasonCode, Instant at) {
        status = Status.WITHDRAWN;
        this.reasonCode = reasonCode;
        withdrawnAt = at;
        waitingListPosition = null;
    }

    private void nameSchool(String name) {
        if (name != null && !name.isBlank()) {
            schoolName = name;
        }
    }
}
