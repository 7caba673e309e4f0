package uk.mathshubs.applications.domain.school;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A school's part in a programme in one academic year: taken part, or completed. */
@Entity
@Table(name = "participation_record")
public class ParticipationRecord extends PanacheEntityBase {

    public enum Outcome {
        TOOK_PART, COMPLETED
    }

    public enum Source {
        IMPORT, EVENT
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String urn;

    @Column(name = "programme_code", nullable = false)
    public String programmeCode;

    @Column(name = "academic_year", nullable = false)
    public String academicYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
