package uk.mathshubs.catalogue.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One of England's Maths Hubs, such as Central Maths Hub. */
@Entity
@Table(name = "hub")
public class Hub extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(nullable = false)
    public String region;
}
