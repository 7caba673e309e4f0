package uk.mathshubs.applications.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One erasure carried out at a person's request: who asked for it and how much it erased, never whom it was about. */
@Entity
@Table(name = "erasure")
public class Erasure extends PanacheEntityBase {

    /** What an erased person's name reads as, wherever it was shown. */
    public static final String ERASED_NAME = "Erased person";
    /** The domain of every address an erasure writes (RFC 2606 reserves .invalid: nobody's). */
    public static final String ERASED_DOMAIN = "@erased.invalid";

    @Id
    public UUID id;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "erased_at", nullable = false)
    public Instant erasedAt;

    /** Records overwritten: people named on applications, contacts, confirmations, expressions of interest. */
    @Column(nullable = false)
    public int records;

    @Column(nullable = false)
    public int applications;

    /** An address that is nobody's (RFC 2606 reserves .invalid), unique per record so that nothing keyed on it breaks. */
    public static String erasedEmail(UUID recordId) {
        return "erased-" + recordId + ERASED_DOMAIN;
    }

    /** An address {@link #erasedEmail} wrote: no mail goes to it. */
    public static boolean isErased(String email) {
        return email.endsWith(ERASED_DOMAIN);
    }
}
