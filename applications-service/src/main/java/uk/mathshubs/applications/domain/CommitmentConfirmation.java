package uk.mathshubs.applications.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import uk.mathshubs.contracts.ParticipantRole;

/** One person's electronic signature under the programme's expectations: asked for by email, given by following the link. */
@Entity
@Table(name = "commitment_confirmation")
public class CommitmentConfirmation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    /** Only the hash is kept: the link in the email is the one copy of the token. */
    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    public boolean isConfirmed() {
        return confirmedAt != null;
    }

    /**
     * The confirmations an application asks for: its headteacher's and each lead teacher's, in that order. As yet
     * unasked (no link, no id): what the application shows as awaited until the links go out.
     */
    public static List<CommitmentConfirmation> askedFor(Application application) {
        List<CommitmentConfirmation> asked = new ArrayList<>();
        asked.add(awaited(application.id, ParticipantRole.HEADTEACHER.name(), application.headteacherName, application.headteacherEmail));
        application.people.stream().filter(p -> !p.role.equals(ParticipantRole.HEADTEACHER.name()))
                .forEach(p -> asked.add(awaited(application.id, p.role, p.name, p.email)));
        return asked;
    }

    private static CommitmentConfirmation awaited(UUID applicationId, String role, String name, String email) {
        CommitmentConfirmation confirmation = new CommitmentConfirmation();
        confirmation.applicationId = applicationId;
        confirmation.role = role;
        confirmation.name = name;
        confirmation.email = email;
        return confirmation;
    }
}
