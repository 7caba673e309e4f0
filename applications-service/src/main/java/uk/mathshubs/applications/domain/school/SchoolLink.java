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

    public record Key(String urn, String linkUrn) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
