package uk.mathshubs.scheduling.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What a programme asks of its Work Groups' schedules and of a school to complete; the NCETM's to change. */
@Entity
@Table(name = "programme_schedule")
public class ProgrammeSchedule extends PanacheEntityBase {

    @Id
    @Column(name = "programme_code")
    public String programmeCode;

    /** Seed 000: "Local sessions: three, one each in the autumn, spring and summer terms" is 1. */
    @Column(name = "local_sessions_per_term", nullable = false)
    public int localSessionsPerTerm;

    /** A {@link CompletionRule} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "completion_rule", nullable = false)
    public String completionRule;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
