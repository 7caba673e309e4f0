package uk.mathshubs.applications.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import uk.mathshubs.kit.mail.UkDates;

/**
 * This service's copy of a catalogue Work Group (kept from its events), with the places allocated so far.
 * The catalogue owns everything but {@code placesAllocated} and {@code waitingListLength}.
 */
@Entity
@Table(name = "work_group")
public class WorkGroup extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "programme_code", nullable = false)
    public String programmeCode;

    @Column(name = "programme_title", nullable = false)
    public String programmeTitle;

    @Column(name = "eligibility_rule_set", nullable = false)
    public String eligibilityRuleSet;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "required_roles", nullable = false)
    public List<String> requiredRoles;

    @Column(name = "hub_code", nullable = false)
    public String hubCode;

    @Column(name = "academic_year", nullable = false)
    public String academicYear;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "allocation_policy", nullable = false)
    public String allocationPolicy;

    @Column(nullable = false)
    public String status;

    @Column(name = "applications_open_at", nullable = false)
    public Instant applicationsOpenAt;

    @Column(name = "applications_close_at", nullable = false)
    public Instant applicationsCloseAt;

    @Column(name = "confirmation_date", nullable = false)
    public LocalDate confirmationDate;

    @Column(nullable = false)
    public long revision;

    /** Changed only by the guarded updates in {@code Allocation}, never through this entity. */
    @Column(name = "places_allocated", nullable = false, insertable = false, updatable = false)
    public int placesAllocated;

    @Column(name = "waiting_list_length", nullable = false, insertable = false, updatable = false)
    public int waitingListLength;

    public boolean acceptsApplicationsAt(Instant now) {
        return "OPEN".equals(status) && !now.isBefore(applicationsOpenAt) && now.isBefore(applicationsCloseAt);
    }

    /**
     * "Decisions are released on" the confirmation date (UK time): before it, no school hears whether it has a place,
     * by any way (its application, a mail, a session invitation).
     */
    public boolean decisionsReleasedAt(Instant now) {
        return !UkDates.today(now).isBefore(confirmationDate);
    }

    public boolean isFirstComeFirstServed() {
        return "FIRST_COME_FIRST_SERVED".equals(allocationPolicy);
    }
}
