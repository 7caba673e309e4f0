package uk.mathshubs.applications.domain.school;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A school as the government's register (GIAS) describes it, and what the eligibility rules derive from that. */
@Entity
@Table(name = "school")
public class School extends PanacheEntityBase {

    /** GIAS establishment types funded by the state: maintained schools, academies and free schools of every kind. */
    static final Set<Integer> STATE_FUNDED_TYPES = Set.of(1, 2, 3, 5, 6, 7, 12, 14, 15, 28, 33, 34, 35, 36, 38, 39, 40, 41, 42,
            43, 44, 45, 46);
    /** GIAS establishment statuses of a school still running: "Open" and "Open, but proposed to close". */
    static final Set<Integer> OPEN_STATUSES = Set.of(1, 4);

    @Id
    public String urn;

    @Column(nullable = false)
    public String name;

    @Column(name = "search_name", nullable = false)
    public String searchName;

    @Column(name = "type_code")
    public Integer typeCode;

    @Column(name = "type_name", nullable = false)
    public String typeName = "";

    @Column(name = "status_code")
    public Integer statusCode;

    @Column(name = "status_name", nullable = false)
    public String statusName = "";

    @Column(name = "phase_code")
    public Integer phaseCode;

    @Column(name = "statutory_low_age")
    public Integer statutoryLowAge;

    @Column(name = "statutory_high_age")
    public Integer statutoryHighAge;

    @Column(name = "local_authority", nullable = false)
    public String localAuthority = "";

    @Column(name = "district_code", nullable = false)
    public String districtCode = "";

    @Column(nullable = false)
    public String street = "";

    @Column(nullable = false)
    public String locality = "";

    @Column(nullable = false)
    public String town = "";

    @Column(nullable = false)
    public String postcode = "";

    /** The multi-academy trust's GIAS reference ("Trusts (code)"), or null for a school in none. */
    @Column(name = "trust_code")
    public String trustCode;

    @Column(name = "trust_name")
    public String trustName;

    /** The programme admin who set the trust by hand; null while it comes from the register. */
    @Column(name = "trust_set_by")
    public String trustSetBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Open, or open but proposed to close. */
    public boolean isOpen() {
        return statusCode != null && OPEN_STATUSES.contains(statusCode);
    }

    /** English local authority districts have codes beginning E (Welsh W, Scottish S, Northern Irish N). */
    public boolean isInEngland() {
        return districtCode.startsWith("E");
    }

    public boolean isStateFunded() {
        return typeCode != null && STATE_FUNDED_TYPES.contains(typeCode);
    }

    public Phase phase() {
        return Phase.ofCode(phaseCode);
    }

    /** A junior school: a primary school for ages 7 to 11 only. */
    public boolean isJuniorSchool() {
        return phase() == Phase.PRIMARY && Integer.valueOf(7).equals(statutoryLowAge) && Integer.valueOf(11).equals(statutoryHighAge);
    }

    /** An infant school: a primary school that ends at age 7. */
    public boolean isInfantSchool() {
        return phase() == Phase.PRIMARY && Integer.valueOf(7).equals(statutoryHighAge);
    }

    /** Lower case, accents removed: how names are compared for autocomplete. */
    public static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
    }
}
