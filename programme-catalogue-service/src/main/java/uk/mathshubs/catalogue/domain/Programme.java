package uk.mathshubs.catalogue.domain;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A national programme the NCETM defines, such as Mastering Number at Reception and Key Stage 1. */
@Entity
@Table(name = "programme")
public class Programme extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "year_groups", nullable = false)
    public List<String> yearGroups;

    /** The people each school must name, one entry per person (TfM Development: two teachers). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "required_roles", nullable = false)
    public List<String> requiredRoles;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> expectations;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> benefits;

    @Column(nullable = false)
    public String cost;

    @Column(nullable = false)
    public String funding;

    @Column(name = "central_sessions", nullable = false)
    public int centralSessions;

    /** Names the eligibility rule set the applications service evaluates for this programme. */
    @Column(name = "eligibility_rule_set", nullable = false)
    public String eligibilityRuleSet;

    @Column(nullable = false)
    public long revision;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
