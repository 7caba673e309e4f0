package uk.mathshubs.scheduling.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** This service's copy of a catalogue Work Group, kept from its events; the catalogue owns every field. */
@Entity
@Table(name = "work_group")
public class WorkGroup extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "programme_code", nullable = false)
    public String programmeCode;

    /** "Mastering Number at KS2"; null in copies taken in before the title was kept (until the group's next event). */
    @Column(name = "programme_title")
    public String programmeTitle;

    @Column(name = "hub_code", nullable = false)
    public String hubCode;

    @Column(name = "academic_year", nullable = false)
    public String academicYear;

    @Column(nullable = false)
    public String status;

    /** "Decisions are released on" this date; null in copies taken in before it was kept. */
    @Column(name = "confirmation_date")
    public LocalDate confirmationDate;

    /**
     * When this service released what it held for the date (its people's session invitations); set only by
     * {@code InvitationRelease}, never through this entity.
     */
    @Column(name = "decisions_released_at", insertable = false, updatable = false)
    public Instant decisionsReleasedAt;

    /** The catalogue's revision of the state held here; an event with an older or equal one changes nothing. */
    @Column(nullable = false)
    public long revision;
}
