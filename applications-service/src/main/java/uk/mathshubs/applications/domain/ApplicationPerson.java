package uk.mathshubs.applications.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Someone the school names to take part: the headteacher and one person per role the programme requires. */
@Entity
@Table(name = "application_person")
public class ApplicationPerson extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id")
    public Application application;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    /** Zero-padded to 7 digits; headteachers need not give one. */
    public String trn;

    @Column(name = "school_roles")
    public String schoolRoles;

    /** Set when the person was erased at their request: name, address and TRN are then placeholders. */
    @Column(name = "erased_at")
    public Instant erasedAt;
}
