package uk.mathshubs.applications.domain.school;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A line of GIAS links.csv: {@code urn} has {@code linkUrn} as its predecessor, successor, or another kind of link. */
@Entity
@Table(name = "school_link")
@IdClass(SchoolLink.Key.class)
public class SchoolLink extends PanacheEntityBase {

    @Id
    public String urn;

    @Id
    @Column(name = "link_urn")
    public String linkUrn;

    @Column(name = "link_type", nullable = false)
    public String linkType;

    /** A school's history continuing under another URN: from {@code urn} to {@code successorUrn}. */
    public record Succession(String urn, String successorUrn) {
    }

    /**
     * The succession this link records, if it records one: GIAS lists a successor ("Successor", "Successor - merged")
     * from the old school's side and a predecessor ("Predecessor - amalgamated") from the new one's.
     */
    public java.util.Optional<Succession> succession() {
        if (linkType.startsWith("Successor")) {
            return java.util.Optional.of(new Succession(urn, linkUrn));
        }
        if (linkType.startsWith("Predecessor")) {
            return java.util.Optional.of(new Succession(linkUrn, urn));
        }
        return java.util.Optional.empty();
    }

    public record Key(String urn, String linkUrn) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
