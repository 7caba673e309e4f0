package uk.mathshubs.catalogue.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One programme, run by one Maths Hub, in one academic year. */
@Entity
@Table(name = "work_group")
public class WorkGroup extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "programme_code")
    public Programme programme;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "hub_code")
    public Hub hub;

    @Column(name = "academic_year", nullable = false)
    public String academicYear;

    /** Places, counted in schools. */
    @Column(nullable = false)
    public int capacity;

    @Column(nullable = false)
    public String lead;

    @Enumerated(EnumType.STRING)
    @Column(name = "allocation_policy", nullable = false)
    public AllocationPolicy allocationPolicy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WorkGroupStatus status;

    @Column(name = "applications_open_at", nullable = false)
    public Instant applicationsOpenAt;

    @Column(name = "applications_close_at", nullable = false)
    public Instant applicationsCloseAt;

    @Column(name = "confirmation_date", nullable = false)
    public LocalDate confirmationDate;

    /** Places given so far, from the applications service's events; never written by the catalogue's own API. */
    @Column(name = "places_allocated", nullable = false)
    public int placesAllocated;

    /** Bumped on every change; consumers apply an event only if it is newer than their copy. */
    @Column(nullable = false)
    public long revision;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isOpenAt(Instant now) {
        return status == WorkGroupStatus.OPEN && !now.isBefore(applicationsOpenAt) && now.isBefore(applicationsCloseAt);
    }

    /**
     * Whether a school may register interest for next year's group instead of applying: whenever a published group is
     * not taking applications (before its window, after it, closed, running, completed), exactly as the applications
     * service accepts {@code POST /api/v1/work-groups/{id}/interest}.
     */
    public boolean takesInterestAt(Instant now) {
        return status.isPublished() && !isOpenAt(now);
    }

    public int placesLeft() {
        return Math.max(0, capacity - placesAllocated);
    }

    public void touch(Instant now) {
        revision++;
        updatedAt = now;
    }
}
