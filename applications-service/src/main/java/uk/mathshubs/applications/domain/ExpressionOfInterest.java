package uk.mathshubs.applications.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** A school that found the Work Group closed and wants to hear about next year's. */
@Entity
@Table(name = "expression_of_interest")
public class ExpressionOfInterest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "work_group_id", nullable = false)
    public UUID workGroupId;

    @Column(name = "hub_code", nullable = false)
    public String hubCode;

    @Column(nullable = false)
    public String urn;

    @Column(name = "school_name", nullable = false)
    public String schoolName;

    @Column(name = "contact_name", nullable = false)
    public String contactName;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    public static List<ExpressionOfInterest> forWorkGroup(UUID workGroupId) {
        return list("workGroupId", Sort.by("registeredAt").and("id"), workGroupId); // a total order: pages never overlap
    }
}
