package uk.mathshubs.applications.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import uk.mathshubs.applications.domain.eligibility.Eligibility;
import uk.mathshubs.applications.domain.eligibility.Outcome;
import uk.mathshubs.kit.problem.ProblemException;

/**
 * A school's application for a place in one Work Group (the seed application form, field for field). Updated by the
 * columns that changed only: a decision changes four of its 30, and the rest (the form, its JSON) need not be written again.
 */
@Entity
@DynamicUpdate
@Table(name = "application")
public class Application extends PanacheEntityBase {

    @Id
    public UUID id;

    /** What the school quotes; with the secret, it lets the school read its own application. */
    @Column(nullable = false, unique = true)
    public String reference;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    @Column(name = "work_group_id", nullable = false)
    public UUID workGroupId;

    @Column(name = "hub_code", nullable = false)
    public String hubCode;

    @Column(nullable = false)
    public String urn;

    @Column(name = "school_name", nullable = false)
    public String schoolName;

    @Column(name = "school_address", nullable = false)
    public String schoolAddress;

    @Column(name = "school_telephone", nullable = false)
    public String schoolTelephone;

    @Column(name = "local_authority", nullable = false)
    public String localAuthority;

    @Column(name = "headteacher_name", nullable = false)
    public String headteacherName;

    @Column(name = "headteacher_email", nullable = false)
    public String headteacherEmail;

    @Column(name = "main_contact_name", nullable = false)
    public String mainContactName;

    @Column(name = "main_contact_email", nullable = false)
    public String mainContactEmail;

    @Column(name = "main_contact_trn")
    public String mainContactTrn;

    @Column(name = "main_contact_roles", nullable = false)
    public String mainContactRoles;

    @Column(name = "headteacher_statement", nullable = false)
    public String headteacherStatement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStatus status;

    @Column(name = "waiting_list_position")
    public Integer waitingListPosition;

    /** Its place in the order applications arrived in: first come, first served (see {@code allocation.ArrivalOrder}). */
    @Column(nullable = false, updatable = false)
    public Long arrival;

    /** The trace of the request that took it in (W3C traceparent; null with tracing off): the allocator places it in that trace. */
    @Column(updatable = false)
    public String traceparent;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The school's answers to its programme's declaration questions. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> declarations = new HashMap<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "eligibility_outcome")
    public Outcome eligibilityOutcome;

    /** The explained eligibility answer as it stood when the school applied. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "eligibility")
    public Eligibility eligibility;

    /** 0 first; orders schools when a priority-rules Work Group allocates at close. */
    @Column(nullable = false)
    public int priority;

    @Column(name = "decision_reason")
    public String decisionReason;

    /** The code of the step that ended the application (rejected, withdrawn, declined): see {@link ReasonKinds}. */
    @Column(name = "decision_reason_code")
    public String decisionReasonCode;

    @Column(name = "offer_expires_at")
    public Instant offerExpiresAt;

    /**
     * Moves the application on, if that is a legal step, and keeps the step in its history. A step that is not
     * legal (accepting a withdrawn application, say) is a conflict the caller hears about.
     */
    public void moveTo(ApplicationStatus next, String reason, String decidedBy, Instant at) {
        moveTo(next, null, reason, decidedBy, at);
    }

    /**
     * A step that takes a coded reason (a rejection, a withdrawal, a declined offer: each ends the application): the
     * code and its free text, which may be null, replace whatever reason an earlier step gave.
     */
    public void leave(ApplicationStatus next, String reasonCode, String reason, String decidedBy, Instant at) {
        moveTo(next, reasonCode, reason, decidedBy, at);
        decisionReasonCode = reasonCode;
        decisionReason = reason;
    }

    private void moveTo(ApplicationStatus next, String reasonCode, String reason, String decidedBy, Instant at) {
        if (!status.canMoveTo(next)) {
            throw ProblemException.conflict("illegal-transition", "Not possible now",
                    "Application " + reference + " is " + status + " and cannot become " + next);
        }
        ApplicationDecision decision = new ApplicationDecision();
        decision.applicationId = id;
        decision.fromStatus = status;
        decision.toStatus = next;
        decision.reason = reason;
        decision.reasonCode = reasonCode;
        decision.decidedBy = decidedBy;
        decision.decidedAt = at;
        decision.persist();
        status = next;
        decidedAt = at;
        if (reason != null) {
            decisionReason = reason;
        }
        if (next != ApplicationStatus.OFFERED) {
            offerExpiresAt = null;
        }
        if (next != ApplicationStatus.WAITLISTED) {
            waitingListPosition = null;
        }
    }

    /** Always shown with the application; one extra query per 200 applications loads them for a whole list. */
    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    // By id, a batch at a time: the subselect this was re-ran the query that loaded the applications, and for the
    // allocator's batch of 200 ids PostgreSQL chose to read every person of every application.
    @BatchSize(size = 200)
    @OrderBy("position")
    public List<ApplicationPerson> people = new ArrayList<>();
}
