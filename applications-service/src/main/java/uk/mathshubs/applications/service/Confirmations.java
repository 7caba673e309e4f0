package uk.mathshubs.applications.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.StatelessSession;

import io.quarkus.panache.common.Sort;
import uk.mathshubs.applications.config.ApplicationsConfig;
import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.applications.domain.CommitmentConfirmation;
import uk.mathshubs.applications.domain.WorkGroup;
import uk.mathshubs.applications.notifications.ApplicationNotifications;
import uk.mathshubs.contracts.ParticipantRole;
import uk.mathshubs.kit.ids.TimeOrderedIds;
import uk.mathshubs.kit.problem.ProblemException;

/**
 * "Confirmation of school commitment (electronic signatures)": the headteacher and each lead teacher get their own
 * single-use link by email, and each confirmation is recorded with its time. The email is written in the
 * application's transaction and sent once it commits (never for one that was rolled back), retried until the mail
 * server takes it, without the school's request waiting (see {@link ApplicationNotifications}).
 */
@ApplicationScoped
@Transactional
public class Confirmations {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApplicationNotifications notifications;
    private final StatelessSession rows;
    private final ApplicationsConfig config;
    private final Clock clock;

    public Confirmations(ApplicationNotifications notifications, StatelessSession rows, ApplicationsConfig config, Clock clock) {
        this.notifications = notifications;
        this.rows = rows;
        this.config = config;
        this.clock = clock;
    }

    /** Asks the headteacher and every lead teacher named on the application to confirm the programme's expectations. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CommitmentConfirmation> request(Application application, WorkGroup group) {
        List<CommitmentConfirmation> requested = new ArrayList<>();
        List<ApplicationNotifications.ConfirmationLink> links = new ArrayList<>();
        List<Signatory> signatories = new ArrayList<>();
        signatories.add(new Signatory(ParticipantRole.HEADTEACHER.name(), application.headteacherName, application.headteacherEmail));
        application.people.stream().filter(p -> !p.role.equals(ParticipantRole.HEADTEACHER.name()))
                .forEach(p -> signatories.add(new Signatory(p.role, p.name, p.email)));
        for (Signatory signatory : signatories) {
            String token = newToken();
            CommitmentConfirmation confirmation = new CommitmentConfirmation();
            confirmation.id = TimeOrderedIds.next();
            confirmation.applicationId = application.id;
            confirmation.role = signatory.role();
            confirmation.name = signatory.name();
            confirmation.email = signatory.email();
            confirmation.tokenHash = ApplicationAccess.hash(token);
            confirmation.requestedAt = clock.instant();
            requested.add(confirmation);
            links.add(new ApplicationNotifications.ConfirmationLink(ApplicationNotifications.personId(application, signatory.role()),
                    confirmation.name, confirmation.email, config.confirmationLink() + token));
        }
        rows.insertMultiple(requested);
        notifications.confirmationsRequested(application, group, links);
        return requested;
    }

    /** Records the person's confirmation. The link works once: a second use is refused, saying when it was used. */
    public CommitmentConfirmation confirm(String token) {
        CommitmentConfirmation confirmation = byToken(token);
        if (confirmation.isConfirmed()) {
            throw new ProblemException(410, "confirmation-used", "Already confirmed",
                    confirmation.name + " confirmed on " + confirmation.confirmedAt + "; this link cannot be used again", List.of());
        }
        confirmation.confirmedAt = clock.instant();
        return confirmation;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CommitmentConfirmation byToken(String token) {
        return CommitmentConfirmation.<CommitmentConfirmation>find("tokenHash", ApplicationAccess.hash(token)).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Confirmation link"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CommitmentConfirmation> forApplication(UUID applicationId) {
        return CommitmentConfirmation.list("applicationId", Sort.by("requestedAt").and("role"), applicationId);
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private record Signatory(String role, String name, String email) {
    }

}
