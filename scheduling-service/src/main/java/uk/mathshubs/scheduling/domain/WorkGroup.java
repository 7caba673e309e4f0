package uk.mathshubs.scheduling.domain;

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

    /** The catalogue's revision of the state held here; an event with an older or equal one changes nothing. */
    @Column(nullable = false)
    public long revision;
}
